/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files relative to its own module URL; bundled, that URL breaks.
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'bcryptjs'],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() for the admin pages' 403.
  experimental: { authInterrupts: true },
};

module.exports = nextConfig;
