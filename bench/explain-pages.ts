/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement 首页, 办事大厅, 待办 and the transition's view run,
 * on a seeded PostgreSQL database with `n` applications waiting for the counselor (issue 20).
 *   node --import tsx bench/explain-pages.ts [n=150] [VERBOSE=1 prints whole plans]
 * The statements are captured from the page's own functions through drizzle's logger.
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { openDatabase, type Db } from '@/db/client';
import * as schema from '@/db/schema';
import { seedDemoAccounts, seedOrgUnits } from '@/db/seed/seed-demo';
import { loadActor } from '@/lib/auth/load-actor';
import { listDepartments, listFavourites, loadCatalog } from '@/lib/catalog/queries';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { getInstanceView } from '@/lib/instances/get-instance-view';
import { listApplications } from '@/lib/instances/list-applications';
import { listTasks, openTaskCountSql } from '@/lib/instances/list-tasks';
import { countUnread } from '@/lib/messages/list-messages';
import { createPgDatabase } from '../e2e/support/proof-server';
import { prepareInstances } from './engine-bench';

const n = Number(process.argv[2] ?? 150);

async function main() {
  const pg = await createPgDatabase('zj_bench_explain');
  const database = await openDatabase({ kind: 'postgresql', url: pg.url, maxConnections: 2 });
  const client = postgres(pg.url, { max: 1, onnotice: () => {} });
  let captured: Array<{ sql: string; params: unknown[] }> = [];
  const db = drizzle(client, { schema, logger: { logQuery: (q, p) => void captured.push({ sql: q, params: p }) } }) as unknown as Db;
  try {
    await seedOrgUnits(database.db);
    await seedDemoAccounts(database.db);
    await seedCatalog(database.db, { demo: true, now: new Date() });
    const ids = await prepareInstances(database.db, n);
    await client.unsafe('analyze');
    const student = (await loadActor(db, { username: 'student' }))!;
    const counselor = (await loadActor(db, { username: 'counselor' }))!;
    const pages: Array<[string, () => Promise<unknown>]> = [
      ['session user (loadActor)', () => loadActor(db, { id: counselor.id })],
      ['badges (layout)', () => db.execute(openTaskCountSql(counselor)).then(() => countUnread(db, counselor))],
      ['首页 (student)', () => Promise.all([listTasks(db, student, 'open', 5), listApplications(db, student, 5), listFavourites(db, student), loadCatalog(db), listDepartments(db)])],
      ['办事大厅 (student)', () => Promise.all([loadCatalog(db), listDepartments(db)])],
      ['待办 (counselor: open and done lists)', () => Promise.all([listTasks(db, counselor, 'open', 1000), listTasks(db, counselor, 'done', 1000)])],
      ['instance view (counselor)', () => getInstanceView(db, counselor, ids[0]!)],
    ];
    for (const [what, run] of pages) {
      await run(); // warm: the catalog cache's first load is not what a page does after
      captured = [];
      await run();
      console.log(`\n=== ${what}: ${captured.length} statements`);
      for (const q of captured) {
        const plan = (await client.unsafe(`explain (analyze, buffers) ${q.sql}`, q.params as never[])).map((r) => String(Object.values(r)[0]));
        const exec = plan.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
        const planning = plan.find((l) => l.startsWith('Planning Time'))?.replace('Planning Time: ', '') ?? '?';
        console.log(`  exec ${exec.padStart(9)}  plan ${planning.padStart(9)}  ${q.sql.replace(/\s+/g, ' ').slice(0, 150)}`);
        console.log(`      ${plan[0]!.trim().slice(0, 140)}`);
        if (process.env.VERBOSE) for (const l of plan.slice(1)) console.log(`      ${l}`);
      }
    }
  } finally {
    await client.end();
    await database.close();
    await pg.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
