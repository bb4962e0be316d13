/**
 * Crash safety: drive fitness-test applications from several clients through the HTTP API while
 * the server is killed with SIGKILL at random moments and restarted; then check the database.
 * Used by e2e/proof-crash.spec.ts (20 crashes) and the bench (200).
 */
import { createServer, type Server } from 'node:http';
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
  /** Webhook deliveries received (distinct idempotency keys), and repeats of a key (at-least-once). */
  webhooks: { delivered: number; repeated: number };
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
  const db = await createPgDatabase('zj_crash', { template: true });
  // A webhook receiver for every instance event: a crash between commit and delivery must lose
  // none and never deliver one effect under two keys (a repeat of the same key is allowed).
  const hooks = await startReceiver();
  await db.sql`insert into webhooks (url, process_id, events, secret)
    values (${hooks.url}, ${FITNESS}, ${JSON.stringify(['instance.started', 'instance.state_changed', 'instance.finished'])}::jsonb, 'crash-proof-secret-0123456789')`;
  const server = new AppServer({
    port: o.port,
    databaseUrl: db.url,
    env: { OUTBOUND_ALLOWED_NETWORKS: '127.0.0.0/8', NOTIFY_RETRY_BASE_MS: '200', NOTIFY_RETRY_MAX_MS: '2000' },
  });
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
    // Every instance event goes out after its commit, however often the server died in between;
    // a row claimed by a killed server waits for its lease (lib/outbox/retry-policy LEASE_MS, 60 s).
    const outboxDeadline = Date.now() + 120_000;
    while (Date.now() < outboxDeadline) {
      const [row] = await db.sql`select count(*)::int as n from outbox where kind in ('instance-event', 'webhook') and status <> 'sent'`;
      if (row?.n === 0) break;
      await sleep(500);
    }
    const problems = [...(await checkDatabase(db.sql, acks, timerInstances)), ...(await checkWebhooks(db.sql, hooks.received))];
    const stuck = await db.sql`select kind, status, attempts, last_error, locked_until, not_before from outbox where kind in ('instance-event', 'webhook') and status <> 'sent'`;
    for (const r of stuck) problems.push(`outbox ${r.kind} still ${r.status} after 120 s (attempts ${r.attempts}, ${r.last_error ?? 'no error'})`);
    const events = ((await db.sql`select count(*)::int as n from instance_events`) as unknown as Array<{ n: number }>)[0]!.n;
    const instances = ((await db.sql`select count(*)::int as n from process_instances`) as unknown as Array<{ n: number }>)[0]!.n;
    return {
      crashes: o.crashes,
      acknowledged: acks.length,
      unknownOutcomes: unknown,
      instances,
      events,
      timers: timerInstances.length,
      webhooks: { delivered: new Set(hooks.received.map((r) => r.key)).size, repeated: hooks.received.length - new Set(hooks.received.map((r) => r.key)).size },
      seconds: (Date.now() - started) / 1000,
      problems,
    };
  } finally {
    stopping = true;
    await server.stop();
    await hooks.close();
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

interface Received {
  key: string;
  event: string;
  instanceId: string;
  revision: number;
}

/** The webhook receiver: records each delivery's idempotency key and what it was about. */
async function startReceiver(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      try {
        const body = JSON.parse(raw) as { event: string; instance: { id: string; revision: number } };
        received.push({ key: String(req.headers['idempotency-key'] ?? ''), event: body.event, instanceId: body.instance.id, revision: body.instance.revision });
      } catch {
        // Not a delivery: ignored.
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Loses nothing: every committed transition that started, moved or finished an instance reached
 * the receiver. Sends nothing twice: one effect (instance, revision, event) always came under one
 * idempotency key, and every key the receiver saw belongs to a webhook row of the outbox.
 */
async function checkWebhooks(sql: any, received: Received[]): Promise<string[]> {
  const problems: string[] = [];
  const keysOf = new Map<string, Set<string>>();
  for (const r of received) {
    const effect = `${r.instanceId}@${r.revision} ${r.event}`;
    keysOf.set(effect, (keysOf.get(effect) ?? new Set()).add(r.key));
    if (!r.key) problems.push(`${effect}: delivered without an Idempotency-Key`);
  }
  for (const [effect, keys] of keysOf) if (keys.size > 1) problems.push(`${effect}: delivered under ${keys.size} different keys`);
  const events = await sql`select instance_id, seq, from_state, to_state from instance_events`;
  const status = new Map<string, string>(
    ((await sql`select id, status from process_instances`) as Array<{ id: string; status: string }>).map((r) => [r.id, r.status]),
  );
  const last = new Map<string, number>();
  for (const e of events) last.set(e.instance_id, Math.max(last.get(e.instance_id) ?? 0, e.seq));
  for (const e of events) {
    const expected: string[] = [];
    if (e.from_state === null) expected.push('instance.started');
    else if (e.from_state !== e.to_state) expected.push('instance.state_changed');
    if (e.seq === last.get(e.instance_id) && status.get(e.instance_id) !== 'active') expected.push('instance.finished');
    for (const event of expected) {
      if (!keysOf.has(`${e.instance_id}@${e.seq} ${event}`)) problems.push(`${e.instance_id}@${e.seq} ${event}: never delivered`);
    }
  }
  const rows = (await sql`select key from outbox where kind = 'webhook'`) as Array<{ key: string }>;
  const known = new Set(rows.map((r) => r.key));
  for (const r of received) if (r.key && !known.has(r.key)) problems.push(`key ${r.key} is no outbox row`);
  return problems;
}
