/**
 * Issue 20 item "prepared statements on hot queries": is building the engine's two hot queries
 * (lock + load the instance, its open tasks) per transition worth avoiding? Runs both inside
 * transactions, N times each way, in both database modes, and prints the process's CPU per
 * iteration (user + system, the figure other load moves least):
 *   built   — the drizzle builder, as apply-event.ts writes it (SQL built and fields ordered per call)
 *   .prepare() — drizzle's public prepared query, made on the transaction (it is bound to the
 *             session that made it, so one made on `db` cannot run inside `tx`: made per transaction)
 *   prebuilt — the SQL and field list built once, executed through the transaction's session
 *             (drizzle internals: `session.prepareQuery`), i.e. the best a pre-built query could do
 *   node --import tsx bench/prebuilt-probe.ts [iterations=2000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import * as drizzleUtils from 'drizzle-orm/utils';
import { openDatabase, type Db, type Tx } from '@/db/client';
import { processInstances, tasks } from '@/db/schema';
import { seedDemoAccounts, seedOrgUnits } from '@/db/seed/seed-demo';
import { createPgDatabase } from '../e2e/support/proof-server';
import { prepareInstances } from './engine-bench';

const N = Number(process.argv[2] || 2000);
// drizzle-internal (not in its type declarations): the field list a select maps its rows with.
const { orderSelectedFields } = drizzleUtils as unknown as { orderSelectedFields: (fields: unknown) => unknown };
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const lockQuery = (q: Db | Tx, id: ReturnType<typeof sql.placeholder> | string) =>
  q.select().from(processInstances).where(eq(processInstances.id, id as string)).for('update');
const openQuery = (q: Db | Tx, id: ReturnType<typeof sql.placeholder> | string) =>
  q.select().from(tasks).where(and(eq(tasks.instanceId, id as string), eq(tasks.status, 'open')));

interface Internal {
  session: { prepareQuery(q: unknown, fields: unknown, name: undefined, arrayMode: boolean): { execute(v: Record<string, unknown>): Promise<unknown[]> } };
  dialect: { sqlToQuery(s: unknown): unknown };
}

async function probe(db: Db, label: string, id: string) {
  // Built once from the builder with a placeholder (what a pre-built query would keep).
  const once = (b: ReturnType<typeof lockQuery> | ReturnType<typeof openQuery>) => {
    const i = b as unknown as Internal & { getSQL(): unknown; config: { fields: Record<string, unknown> } };
    return { query: i.dialect.sqlToQuery(i.getSQL()), fields: orderSelectedFields(i.config.fields) };
  };
  const lockOnce = once(lockQuery(db, sql.placeholder('id')));
  const openOnce = once(openQuery(db, sql.placeholder('id')));
  const ways: Record<string, (tx: Tx) => Promise<unknown>> = {
    built: (tx) => Promise.all([lockQuery(tx, id), openQuery(tx, id)]),
    '.prepare()': (tx) => Promise.all([lockQuery(tx, sql.placeholder('id')).prepare('lock').execute({ id }), openQuery(tx, sql.placeholder('id')).prepare('open').execute({ id })]),
    prebuilt: (tx) => {
      const s = (tx as unknown as Internal).session;
      return Promise.all([
        s.prepareQuery(lockOnce.query, lockOnce.fields, undefined, true).execute({ id }),
        s.prepareQuery(openOnce.query, openOnce.fields, undefined, true).execute({ id }),
      ]);
    },
  };
  // Same answers every way.
  const answers = await Promise.all(Object.values(ways).map((w) => db.transaction((tx) => w(tx))));
  if (new Set(answers.map((a) => JSON.stringify(a))).size !== 1) throw new Error('the ways disagree');
  for (const round of [1, 2]) {
    for (const [name, way] of Object.entries(ways)) {
      const c0 = cpuMs();
      const t0 = performance.now();
      for (let i = 0; i < N; i++) await db.transaction((tx) => way(tx));
      console.log(`${label} round ${round} ${name.padEnd(10)} CPU ${((cpuMs() - c0) / N).toFixed(3)} ms/tx  wall ${((performance.now() - t0) / N).toFixed(3)} ms/tx`);
    }
  }
}

async function main() {
  const pg = await createPgDatabase('zj_prebuilt');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zj-prebuilt-'));
  try {
    for (const [label, open] of [
      ['postgres.js', () => openDatabase({ kind: 'postgresql', url: pg.url, maxConnections: 1 })],
      ['PGlite     ', () => openDatabase({ kind: 'pglite', dataDir: dir })],
    ] as const) {
      const database = await open();
      try {
        await seedOrgUnits(database.db);
        await seedDemoAccounts(database.db);
        const [id] = await prepareInstances(database.db, 1);
        await probe(database.db, label, id!);
      } finally {
        await database.close();
      }
    }
  } finally {
    await pg.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
