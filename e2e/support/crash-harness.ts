/**
 * Crash safety: drive fitness-test applications from several clients through the HTTP API while
 * the server is killed with SIGKILL at random moments and restarted; then check the database.
 * Used by e2e/proof-crash.spec.ts (20 crashes) and the bench (200).
 */
import { verifyChain } from '../../workflows/engine/hash-chain';
import { api, apiLogin, FITNESS, PDF_BYTES, uploadFile } from './proof-http';
import { AppServer, createPgDatabase, sleep } from './proof-server';

export interface CrashReport {
  crashes: number;
  acknowledged: number;
  unknownOutcomes: number;
  instances: number;
  events: number;
  timers: number;
  seconds: number;
  problems: string[];
}

const NEXT_STEP: Record<string, 'counselor' | 'doctor' | 'sports'> = {
  counselorReview: 'counselor',
  hospitalReview: 'doctor',
  sportsDecision: 'sports',
};

interface Ack {
  instanceId: string;
  seq: number;
  type: string;
}

export async function runCrashTest(o: { port: number; crashes: number; clients?: number; log?: (line: string) => void }): Promise<CrashReport> {
  const started = Date.now();
  const log = o.log ?? (() => {});
  const db = await createPgDatabase('zj_crash');
  const server = new AppServer({ port: o.port, databaseUrl: db.url });
  const acks: Ack[] = [];
  let unknown = 0;
  let stopping = false;
  const timerInstances: string[] = [];
  try {
    await server.start();
    const base = server.base;
    const cookies = {
      student: await apiLogin(base, 'student'),
      student2: await apiLogin(base, 'student2'),
      counselor: await apiLogin(base, 'counselor'),
      doctor: await apiLogin(base, 'doctor'),
      sports: await apiLogin(base, 'sports'),
    };

    /** One request; undefined when the server died under it (outcome unknown). */
    const attempt = async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await fn();
      } catch {
        unknown++;
        await sleep(50);
        return undefined;
      }
    };

    const client = async (n: number) => {
      while (!stopping) {
        const upload = await attempt(() => uploadFile(base, cookies.student, PDF_BYTES, `c${n}.pdf`));
        if (!upload || upload.status !== 201) continue;
        const start = await attempt(() =>
          api(base, cookies.student, 'POST', '/api/v1/instances', {
            process: FITNESS,
            input: { kind: 'exempt', reason: `崩溃测试客户端 ${n} 的申请`, evidence: [upload.body.id] },
          }),
        );
        if (!start || start.status !== 201) continue;
        const id = start.body.id as string;
        acks.push({ instanceId: id, seq: 1, type: 'submit' });
        let state = 'counselorReview';
        let revision = 1;
        while (!stopping && NEXT_STEP[state]) {
          const who = NEXT_STEP[state]!;
          const res = await attempt(() =>
            api(base, cookies[who], 'POST', `/api/v1/instances/${id}/events`, { type: 'approve', expectedRevision: revision }),
          );
          if (res?.status === 200) {
            acks.push({ instanceId: id, seq: res.body.revision, type: 'approve' });
            state = res.body.state;
            revision = res.body.revision;
            continue;
          }
          // Unknown or refused: learn where the instance stands and carry on from there.
          const view = await attempt(() => api(base, cookies.student, 'GET', `/api/v1/instances/${id}`));
          if (view?.status === 200) {
            state = view.body.state;
            revision = view.body.revision;
          }
        }
      }
    };

    // Timers armed throughout: each withdraws one application of student2 when it fires.
    const armTimer = async () => {
      const upload = await attempt(() => uploadFile(base, cookies.student2, PDF_BYTES, 't.pdf'));
      if (!upload || upload.status !== 201) return;
      const start = await attempt(() =>
        api(base, cookies.student2, 'POST', '/api/v1/instances', {
          process: FITNESS,
          input: { kind: 'defer', reason: '定时器测试：到期自动撤回', evidence: [upload.body.id] },
        }),
      );
      if (!start || start.status !== 201) return;
      await db.sql`insert into timers (instance_id, state, event_type, fire_at)
        values (${start.body.id}, 'counselorReview', 'withdraw', now() - interval '1 second')`;
      timerInstances.push(start.body.id);
    };

    const clients = Array.from({ length: o.clients ?? 4 }, (_, i) => client(i));
    for (let crash = 1; crash <= o.crashes; crash++) {
      // The timer is armed while the load runs; a crash may cut it short (then it simply is not counted).
      const arming = armTimer();
      // Crash while work is in flight: after the restarted server has acknowledged something again.
      const seen = acks.length;
      const waitUntil = Date.now() + 10_000;
      while (acks.length === seen && Date.now() < waitUntil) await sleep(20);
      await sleep(Math.random() * 700);
      await server.kill9();
      await arming;
      log(`crash ${crash}/${o.crashes}: ${acks.length} acknowledged so far`);
      await server.start();
    }
    await sleep(500);
    stopping = true;
    await Promise.all(clients);
    // The timer runner ticks at start and every 5 s: give the last restart's tick time to finish.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const [row] = await db.sql`select count(*)::int as n from timers where status = 'pending' and fire_at <= now()`;
      if (row?.n === 0) break;
      await sleep(250);
    }
    const problems = await checkDatabase(db.sql, acks, timerInstances);
    const events = ((await db.sql`select count(*)::int as n from instance_events`) as unknown as Array<{ n: number }>)[0]!.n;
    const instances = ((await db.sql`select count(*)::int as n from process_instances`) as unknown as Array<{ n: number }>)[0]!.n;
    return {
      crashes: o.crashes,
      acknowledged: acks.length,
      unknownOutcomes: unknown,
      instances,
      events,
      timers: timerInstances.length,
      seconds: (Date.now() - started) / 1000,
      problems,
    };
  } finally {
    stopping = true;
    await server.stop();
    await db.drop();
  }
}

/** Every invariant a crash must not break; returns the violations found (none is a pass). */
async function checkDatabase(sql: any, acks: Ack[], timerInstances: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const ack of acks) {
    const rows = await sql`select type from instance_events where instance_id = ${ack.instanceId} and seq = ${ack.seq}`;
    if (rows.length !== 1 || rows[0].type !== ack.type) {
      problems.push(`acknowledged ${ack.type} seq ${ack.seq} of ${ack.instanceId}: found ${rows.length} rows`);
    }
    const same = await sql`select count(*)::int as n from instance_events where instance_id = ${ack.instanceId} and type = ${ack.type}`;
    if (ack.type === 'submit' && same[0].n !== 1) problems.push(`${ack.instanceId}: ${same[0].n} submit rows`);
  }
  const instances = await sql`select id, state, status, revision, last_hash, snapshot from process_instances`;
  for (const inst of instances) {
    const events = await sql`select * from instance_events where instance_id = ${inst.id} order by seq`;
    const chain = verifyChain(
      events.map((e: any) => ({
        instanceId: e.instance_id,
        seq: e.seq,
        type: e.type,
        actorId: e.actor_id,
        actorRole: e.actor_role,
        comment: e.comment,
        payload: e.payload,
        fromState: e.from_state,
        toState: e.to_state,
        at: e.at,
        prevHash: e.prev_hash,
        hash: e.hash,
      })),
    );
    if (!chain.ok) problems.push(`${inst.id}: hash chain broken at seq ${chain.firstBrokenSeq}`);
    const last = events[events.length - 1];
    if (!last || last.seq !== inst.revision || events.length !== inst.revision || last.hash !== inst.last_hash || last.to_state !== inst.state) {
      problems.push(`${inst.id}: snapshot row (rev ${inst.revision}, ${inst.state}) disagrees with its log (${events.length} events)`);
    }
    if (typeof inst.snapshot?.value === 'string' && inst.snapshot.value !== inst.state) {
      problems.push(`${inst.id}: snapshot value ${inst.snapshot.value} ≠ state ${inst.state}`);
    }
    const open = await sql`select state from tasks where instance_id = ${inst.id} and status = 'open'`;
    const expected = inst.status === 'active' ? 1 : 0;
    if (open.length !== expected || (expected === 1 && open[0].state !== inst.state)) {
      problems.push(`${inst.id}: ${open.length} open tasks in ${open.map((t: any) => t.state).join(',')} for ${inst.status} ${inst.state}`);
    }
  }
  for (const id of timerInstances) {
    const fired = await sql`select count(*)::int as n from instance_events where instance_id = ${id} and type = 'withdraw' and actor_role = 'system'`;
    if (fired[0].n !== 1) problems.push(`timer of ${id} fired ${fired[0].n} times`);
  }
  const pending = await sql`select count(*)::int as n from timers where status = 'pending' and fire_at <= now()`;
  if (pending[0].n !== 0) problems.push(`${pending[0].n} due timers never fired`);
  return problems;
}
