// npm run audit:verify — verifies every instance's hash-chained event log against the database
// the app would use (DATABASE_URL, or the embedded one in DATA_DIR: stop the app first, PGlite
// allows one process). Prints the count; names every broken instance and exits 1 if any.
import { openDatabase } from '@/db/client';
import { verifyAllChains } from '@/lib/audit/verify-chains';
import { env } from '@/lib/env';

async function main(): Promise<void> {
  const e = env();
  const database = await openDatabase(e.databaseUrl ? { kind: 'postgresql', url: e.databaseUrl, maxConnections: 2 } : { kind: 'pglite', dataDir: e.dataDir });
  try {
    const started = Date.now();
    const report = await verifyAllChains(database.db);
    for (const b of report.broken) console.log(`BROKEN instance ${b.instanceId}${b.seq === null ? '' : ` at seq ${b.seq}`}: ${b.reason}`);
    console.log(
      `verified ${report.instances} instances, ${report.events} events in ${Date.now() - started} ms: ` +
        (report.broken.length === 0 ? 'every hash chain verifies' : `${report.broken.length} broken`),
    );
    process.exitCode = report.broken.length === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

void main();
