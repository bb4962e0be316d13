import { defineConfig } from 'drizzle-kit';

// Migrations are generated once and applied at start in both modes (PGlite and PostgreSQL).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
