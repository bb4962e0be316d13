/**
 * Round trips per transition on PostgreSQL (issue 14: at most 3 — lock+read, write, commit).
 *
 * The app's own database handle (openDatabase, postgres.js, one connection) talks to PostgreSQL
 * through a TCP relay that reads the frontend protocol: a round trip is a burst of client
 * messages sent after the server last answered (the client waited for that answer), a statement
 * is an Execute or a simple Query message. Nothing in the engine is instrumented, so the same file
 * measures any version of it:
 *   node --import tsx bench/round-trips.ts          (also a section of `npm run bench`)
 */
import net from 'node:net';
import { eq } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db/client';
import { tasks, uploads } from '@/db/schema';
import { seedCalendar } from '@/db/seed/calendar';
import { seedDemoAccounts, seedOrgUnits } from '@/db/seed/seed-demo';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import '@/lib/engine/provide-engine';
import { adminCancelInstance } from '@/workflows/engine/admin-cancel';
import { applyEvent } from '@/workflows/engine/apply-event';
import { weekdayCalendar } from '@/workflows/engine/calendar';
import { fireDueTimers } from '@/workflows/engine/fire-due-timers';
import { reassignTask } from '@/workflows/engine/reassign-task';
import { startInstance } from '@/workflows/engine/start-instance';
import { startIssuedInstances } from '@/workflows/engine/start-issued-instances';
import { createPgDatabase } from '../e2e/support/proof-server';

const LATENCY_MS = Number(process.env.RT_LATENCY_MS || 25);

interface Counts {
  roundTrips: number;
  statements: number;
}

/** Splits a protocol stream into messages; `typed` false for the untyped startup messages. */
function messageReader(typedFromStart: boolean, onMessage: (type: number) => void) {
  let buffer = Buffer.alloc(0);
  let typed = typedFromStart;
  return (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const head = typed ? 1 : 0;
      if (buffer.length < head + 4) return;
      const length = buffer.readInt32BE(head);
      if (buffer.length < head + length) return;
      if (typed) onMessage(buffer[0]!);
      else if (length !== 8) typed = true; // 8 bytes: an SSL/GSS request; the startup message follows
      buffer = buffer.subarray(head + length);
    }
  };
}

/**
 * A relay in front of PostgreSQL. A round trip is counted when the client sends while nothing it
 * sent before is still unanswered — it had waited for every answer; sending more while answers
 * are outstanding is pipelining, not waiting. Statements: Execute and simple Query messages.
 */
async function countingRelay(target: URL) {
  // Answers are held back a little, as on a network: statements a client sends together reach
  // the relay before any answer, however the client's writes are split; a wait shows as a gap.
  const counts: Counts = { roundTrips: 0, statements: 0 };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    // Requests the client waits on: each Sync or simple Query (answered by ReadyForQuery), and each
    // Flush after a Describe (postgres.js describes an unprepared statement first, answered by
    // its row description) — the client sends the statement itself only after that answer.
    let outstanding = 0;
    let flushes = 0;
    let waiting = true;
    const fromClient = messageReader(false, (type) => {
      if (waiting) counts.roundTrips++;
      waiting = false;
      if (type === 0x45 /* E */ || type === 0x51 /* Q */) counts.statements++;
      if (type === 0x53 /* S */ || type === 0x51 /* Q */) outstanding++;
      if (type === 0x48 /* H */) {
        outstanding++;
        flushes++;
      }
    });
    const answered = () => {
      if (--outstanding <= 0) {
        outstanding = 0;
        waiting = true;
      }
    };
    const fromServer = messageReader(true, (type) => {
      if (type === 0x5a /* Z */) answered();
      if ((type === 0x54 /* T */ || type === 0x6e) /* n */ && flushes > 0) {
        flushes--;
        answered();
      }
    });
    let serverTyped = false;
    client.on('data', (chunk) => {
      fromClient(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => setTimeout(() => answer(chunk), LATENCY_MS));
    const answer = (chunk: Buffer) => {
      // The server answers an SSL request with one untyped byte; everything else is typed.
      if (!serverTyped && chunk.length === 1 && (chunk[0] === 0x4e || chunk[0] === 0x53)) return void client.write(chunk);
      serverTyped = true;
      fromServer(chunk);
      client.write(chunk);
    };
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    counts,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface RoundTripRow {
  transition: string;
  roundTrips: number;
  statements: number;
}

/** Median counts of `runs` measured runs of `op` (after one unmeasured warm-up: statements get prepared). */
async function measure(counts: Counts, runs: number, op: (i: number) => Promise<unknown>, prepare?: (i: number) => Promise<void>): Promise<Counts> {
  const seen: Counts[] = [];
  for (let i = 0; i <= runs; i++) {
    await prepare?.(i);
    counts.roundTrips = 0;
    counts.statements = 0;
    await op(i);
    if (i > 0) seen.push({ ...counts });
  }
  const median = (k: keyof Counts) => seen.map((s) => s[k]).sort((a, b) => a - b)[Math.floor(seen.length / 2)]!;
  return { roundTrips: median('roundTrips'), statements: median('statements') };
}

export async function roundTripsPerTransition(runs = 5): Promise<RoundTripRow[]> {
  const pg = await createPgDatabase('zj_bench_roundtrips');
  const relay = await countingRelay(new URL(pg.url));
  const url = new URL(pg.url);
  url.hostname = '127.0.0.1';
  url.port = String(relay.port);
  // The app's handle, one connection, through the relay; setup runs through it too, uncounted.
  const database = await openDatabase({ kind: 'postgresql', url: url.toString(), maxConnections: 1 });
  const db: Db = database.db;
  try {
    await seedOrgUnits(db);
    await seedCalendar(db);
    await seedDemoAccounts(db);
    const who = async (username: string) => (await loadActor(db, { username }))!;
    const [student, counselor, doctor, sports, admin, assets] = await Promise.all(['student', 'counselor', 'doctor', 'sports', 'admin', 'assets'].map(who)) as SessionUser[];
    const now = () => new Date();
    const evidence = async () =>
      (await db.insert(uploads).values({ ownerId: student!.id, filename: 'e.pdf', contentType: 'application/pdf', size: 1, sha256: 'ab'.repeat(32), storageKey: 'bench/rt' }).returning())[0]!.id;
    const start = async () =>
      (await startInstance(db, { processId: 'fitness-test-exemption', actor: student!, input: { kind: 'exempt', reason: '基准测试：往返次数', evidence: [await evidence()] }, now: now() })).instance.id;

    const rows: RoundTripRow[] = [];
    const row = (transition: string, c: Counts) => rows.push({ transition, ...c });

    let ids: string[] = [];
    const uploadIds: string[] = [];
    row(
      'start (fitness-test-exemption, 1 upload)',
      await measure(
        relay.counts,
        runs,
        async (i) => ids.push((await startInstance(db, { processId: 'fitness-test-exemption', actor: student!, input: { kind: 'exempt', reason: '基准测试：往返次数', evidence: [uploadIds[i]!] }, now: now() })).instance.id),
        async () => void uploadIds.push(await evidence()),
      ),
    );
    row('event: approve (task → next task)', await measure(relay.counts, runs, (i) => applyEvent(db, { instanceId: ids[i]!, actor: counselor!, type: 'approve', now: now() })));
    await Promise.all(ids.map((id) => applyEvent(db, { instanceId: id, actor: doctor!, type: 'approve', now: now() })));
    row('event: approve that finishes the instance', await measure(relay.counts, runs, (i) => applyEvent(db, { instanceId: ids[i]!, actor: sports!, type: 'approve', now: now() })));

    ids = [];
    for (let i = 0; i <= runs; i++) ids.push(await start());
    row('admin cancel', await measure(relay.counts, runs, (i) => adminCancelInstance(db, { instanceId: ids[i]!, actor: admin!, reason: '往返次数', now: now() })));

    ids = [];
    for (let i = 0; i <= runs; i++) ids.push(await start());
    const taskOf = async (id: string) => (await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.instanceId, id)))[0]!.id;
    const taskIds = await Promise.all(ids.map(taskOf));
    const [second] = await Promise.all([who('counselor')]);
    row('admin reassign', await measure(relay.counts, runs, (i) => reassignTask(db, { taskId: taskIds[i]!, assigneeId: second!.id, actor: admin!, now: now() })));

    // Issued notices whose due date has passed: each run fires one overdue reminder.
    const notices = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => ({
        applicant: { id: student!.id, name: student!.name, orgUnitId: student!.orgUnitId },
        input: { tenant: 'student', room: `${tag}-${i}`, period: '2026年1月', amount: '100.00', dueDate: '2026-01-05' },
      }));
    const issuedAt = new Date('2026-01-02T02:00:00Z');
    await db.transaction((tx) => startIssuedInstances(tx, { processId: 'housing-payment-notice', actor: assets!, items: notices(runs + 1, 't'), now: issuedAt, calendar: weekdayCalendar }));
    row('timer fires (overdue reminder)', await measure(relay.counts, runs, () => fireDueTimers(db, now(), weekdayCalendar, 1)));

    let batch = 0;
    row(
      'bulk issue, 100 notices in one transaction',
      await measure(relay.counts, runs, () =>
        db.transaction((tx) => startIssuedInstances(tx, { processId: 'housing-payment-notice', actor: assets!, items: notices(100, `b${batch++}`), now: issuedAt, calendar: weekdayCalendar })),
      ),
    );
    return rows;
  } finally {
    await database.close();
    await relay.close();
    await pg.drop();
  }
}

export function printRoundTrips(rows: RoundTripRow[], print: (s: string) => void = console.log): void {
  print('round trips per transition on PostgreSQL (the app’s handle through a counting relay; median of warm runs):');
  for (const r of rows) print(`  ${r.transition.padEnd(44)} ${String(r.roundTrips).padStart(3)} round trips  ${String(r.statements).padStart(4)} statements`);
}

if (process.argv[1] && /round-trips\.ts$/.test(process.argv[1])) {
  roundTripsPerTransition(Number(process.env.BENCH_ROUND_TRIP_RUNS || 5))
    .then((rows) => {
      printRoundTrips(rows);
      process.exit(0);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
