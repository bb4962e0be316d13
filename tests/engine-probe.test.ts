/**
 * One writer (issue 14): every way an instance changes — start, event, bulk issue, admin cancel,
 * reassign, version migration, timer — leaves the trace the main path leaves: one hash-chained
 * log row, its webhook deliveries and 'instance-event' outbox row, its messages. Every instance
 * that starts sends instance.started and every one that ends sends instance.finished, however it
 * started or ended. A stale plan is refused (409) and writes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { instanceEvents, messages, outbox, processInstances, roleBindings, tasks, timers, users, webhooks } from '@/db/schema';
import { createDispatcher, dispatchDue } from '@/lib/outbox/dispatcher';
import { instanceEventHandler } from '@/lib/outbox/handlers/instance-event';
import { cancelInstanceAsAdmin, reassignTaskAsAdmin } from '@/lib/admin/operations';
import type { SessionUser } from '@/lib/auth/load-actor';
import { applyEvent } from '@/workflows/engine/apply-event';
import { weekdayCalendar } from '@/workflows/engine/calendar';
import { commit } from '@/workflows/engine/commit';
import { fireDueTimers } from '@/workflows/engine/fire-due-timers';
import { verifyChain } from '@/workflows/engine/hash-chain';
import { migrateInstance } from '@/workflows/engine/migrate-instance';
import { planEvent } from '@/workflows/engine/plan-transition';
import { startInstance } from '@/workflows/engine/start-instance';
import { startIssuedInstances } from '@/workflows/engine/start-issued-instances';
import { getDefinition } from '@/workflows/registry';
import { addDays, expectCode, fakeUpload, loadActors } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let a: Record<string, SessionUser>;
let hookId: string;
const started = new Set<string>();
// Each operation at its own instant, so its messages are told apart by createdAt.
let clock = new Date('2026-03-02T02:00:00Z').getTime();
const tick = () => new Date((clock += 60_000));

before(async () => {
  t = await createTestDatabase();
  a = await loadActors(t.db, ['student', 'counselor', 'doctor', 'assets', 'cadre', 'cadre2', 'admin']);
  const [hook] = await t.db
    .insert(webhooks)
    .values({ url: 'https://receiver.example/hook', events: ['instance.started', 'instance.state_changed', 'instance.finished'], secret: 's'.repeat(32) })
    .returning();
  hookId = hook!.id;
});
after(() => t.close());

/**
 * The webhook deliveries of the probe's webhook: its 'instance-event' rows fanned out by the outbox
 * dispatcher (only the fan-out runs: nothing is sent to the receiver).
 */
async function webhookDeliveriesOf(hook: string) {
  const fanOut = createDispatcher(t.db, { policy: { baseMs: 1_000, maxMs: 1_000, maxAttempts: 3 }, now: async () => new Date(clock + 3600_000), handlers: [instanceEventHandler()] });
  await dispatchDue(fanOut);
  const rows = await t.db.select().from(outbox).where(eq(outbox.kind, 'webhook'));
  return rows
    .map((r) => r.payload as { webhookId: string; event: string; body: unknown })
    .filter((p) => p.webhookId === hook)
    .map((p) => ({ event: p.event, payload: p.body }));
}

/** What one transition left behind: its log row, webhook deliveries, outbox events, messages. */
async function trace(instanceId: string, seq: number) {
  const [event] = await t.db.select().from(instanceEvents).where(and(eq(instanceEvents.instanceId, instanceId), eq(instanceEvents.seq, seq)));
  assert.ok(event, `log row ${seq} of ${instanceId}`);
  const deliveries = (await webhookDeliveriesOf(hookId)).filter((d) => {
    const p = d.payload as { instance: { id: string; revision: number } };
    return p.instance.id === instanceId && p.instance.revision === seq;
  });
  const [row] = await t.db.select().from(outbox).where(eq(outbox.key, `instance-event:${instanceId}:${seq}`));
  const sent = await t.db
    .select()
    .from(messages)
    .where(and(eq(messages.instanceId, instanceId), eq(messages.createdAt, event.at)));
  return {
    event: { seq: event.seq, type: event.type, actorId: event.actorId, actorRole: event.actorRole, comment: event.comment, fromState: event.fromState, toState: event.toState },
    webhooks: deliveries.map((d) => d.event).sort(),
    outbox: ((row?.payload as { events?: string[] } | undefined)?.events ?? []).slice().sort(),
    messages: sent.map((m) => `${m.kind}→${m.userId}`).sort(),
  };
}

const fitnessInput = async (who: SessionUser) => ({ kind: 'exempt', reason: '膝关节韧带损伤', evidence: [await fakeUpload(t.db, who.id)] });
const notice = (tenant: SessionUser, room: string) => ({ tenant: tenant.id, room, period: '2026年3月', amount: '650.00', dueDate: '2026-03-04' });

describe('every path writes what the main path writes', () => {
  let fitness: string;

  test('start and event (the main path)', async () => {
    const s = await startInstance(t.db, { processId: 'fitness-test-exemption', actor: a.student!, input: await fitnessInput(a.student!), now: tick() });
    fitness = s.instance.id;
    started.add(fitness);
    const first = await trace(fitness, 1);
    assert.deepEqual(first.event, { seq: 1, type: 'submit', actorId: a.student!.id, actorRole: 'applicant', comment: null, fromState: null, toState: 'counselorReview' });
    assert.deepEqual(first.webhooks, ['instance.started']);
    assert.deepEqual(first.outbox, ['instance.started']);
    assert.deepEqual(first.messages, [`task.new→${a.counselor!.id}`]);

    await applyEvent(t.db, { instanceId: fitness, actor: a.counselor!, type: 'approve', now: tick() });
    const second = await trace(fitness, 2);
    assert.deepEqual(second.event, { seq: 2, type: 'approve', actorId: a.counselor!.id, actorRole: 'counselor', comment: null, fromState: 'counselorReview', toState: 'hospitalReview' });
    assert.deepEqual(second.webhooks, ['instance.state_changed']);
    assert.deepEqual(second.outbox, ['instance.state_changed']);
    assert.deepEqual(second.messages, [`instance.update→${a.student!.id}`, `task.new→${a.doctor!.id}`].sort());
  });

  test('bulk issue of 3 notices: each exactly what issuing it alone writes, instance.started included', async () => {
    const now = tick();
    const tenants = [a.cadre!, a.cadre2!, a.student!];
    const ids = await t.db.transaction((tx) =>
      startIssuedInstances(tx, {
        processId: 'housing-payment-notice',
        actor: a.assets!,
        items: tenants.map((p, i) => ({ applicant: { id: p.id, name: p.name, orgUnitId: p.orgUnitId }, input: notice(p, `3-20${i}`) })),
        now,
        calendar: weekdayCalendar,
      }),
    );
    assert.equal(ids.length, 3);
    // The main path: one notice issued on its own.
    const alone = await startInstance(t.db, {
      processId: 'housing-payment-notice',
      actor: a.assets!,
      applicant: { id: a.cadre!.id, name: a.cadre!.name, orgUnitId: a.cadre!.orgUnitId },
      input: notice(a.cadre!, '3-209'),
      now,
    });
    const main = await trace(alone.instance.id, 1);
    assert.deepEqual(main.webhooks, ['instance.started']);
    for (const [i, id] of ids.entries()) {
      started.add(id);
      const bulk = await trace(id, 1);
      const tenant = tenants[i]!;
      assert.deepEqual(bulk, { ...main, messages: [`task.new→${tenant.id}`] });
      assert.deepEqual(main.messages, [`task.new→${a.cadre!.id}`]);
      const [row] = await t.db.select().from(processInstances).where(eq(processInstances.id, id));
      assert.equal(row!.state, alone.instance.state);
      assert.equal((await t.db.select().from(timers).where(eq(timers.instanceId, id))).length, 1, 'its overdue timer armed');
    }
    started.add(alone.instance.id);
  });

  test('timer: the overdue reminder fires as a system event with its messages', async () => {
    const [notified] = await t.db
      .select()
      .from(processInstances)
      .where(and(eq(processInstances.processId, 'housing-payment-notice'), eq(processInstances.applicantId, a.cadre2!.id)));
    const at = addDays(new Date(clock), 5);
    clock = at.getTime();
    assert.ok((await fireDueTimers(t.db, at, weekdayCalendar)) >= 1);
    const fired = await trace(notified!.id, 2);
    assert.deepEqual(fired.event, { seq: 2, type: 'REMIND', actorId: null, actorRole: 'system', comment: null, fromState: 'notified', toState: 'notified' });
    assert.deepEqual(fired.webhooks, [], 'the state did not change');
    // One message per event per person: the reminder, not also an update saying "系统提醒".
    assert.deepEqual(fired.messages, [`instance.reminder→${a.cadre2!.id}`]);
  });

  test('admin cancel: ended like any ending — tasks closed, timers disarmed, applicant told, instance.finished sent', async () => {
    await cancelInstanceAsAdmin(t.db, a.admin!, fitness, { reason: '重复申请' }, tick());
    const cancel = await trace(fitness, 3);
    assert.deepEqual(cancel.event, { seq: 3, type: 'admin.cancel', actorId: a.admin!.id, actorRole: 'process_admin', comment: '重复申请', fromState: 'hospitalReview', toState: 'hospitalReview' });
    assert.deepEqual(cancel.webhooks, ['instance.finished']);
    assert.deepEqual(cancel.outbox, ['instance.finished']);
    assert.deepEqual(cancel.messages, [`instance.cancelled→${a.student!.id}`]);
    assert.equal((await t.db.select().from(tasks).where(and(eq(tasks.instanceId, fitness), eq(tasks.status, 'open')))).length, 0);
    assert.equal((await t.db.select().from(timers).where(and(eq(timers.instanceId, fitness), eq(timers.status, 'pending')))).length, 0);
  });

  test('reassign: audited in the chain, the new assignee hears of the task as of any task opened for them', async () => {
    const s = await startInstance(t.db, { processId: 'fitness-test-exemption', actor: a.student!, input: await fitnessInput(a.student!), now: tick() });
    started.add(s.instance.id);
    const [second] = await t.db.insert(users).values({ username: 'probe-counselor-2', name: '第二辅导员', kind: 'staff', orgUnitId: a.student!.orgUnitId }).returning();
    await t.db.insert(roleBindings).values({ userId: second!.id, role: 'counselor', orgUnitId: a.student!.orgUnitId });
    await reassignTaskAsAdmin(t.db, a.admin!, s.openedTasks[0]!.id, { username: 'probe-counselor-2', comment: '原辅导员休假' }, tick());
    const moved = await trace(s.instance.id, 2);
    assert.deepEqual(moved.event, { seq: 2, type: 'admin.reassign', actorId: a.admin!.id, actorRole: 'process_admin', comment: '原辅导员休假', fromState: 'counselorReview', toState: 'counselorReview' });
    assert.deepEqual(moved.webhooks, []);
    assert.deepEqual(moved.messages, [`task.new→${second!.id}`]);
  });

  test('migration: audited in the chain, moved to the target version, nobody told (the step is the same)', async () => {
    const s = await startInstance(t.db, {
      processId: 'insurance-opt-out',
      version: 1,
      actor: a.student!,
      input: { insurer: '湛江市城镇职工医保', proof: [await fakeUpload(t.db, a.student!.id)] },
      now: tick(),
    });
    started.add(s.instance.id);
    const moved = await migrateInstance(t.db, { instanceId: s.instance.id, target: getDefinition('insurance-opt-out', 2), actor: a.admin!, now: tick() });
    assert.equal(moved.instance.processVersion, 2);
    const trail = await trace(s.instance.id, 2);
    assert.equal(trail.event.type, 'admin.migrate');
    assert.deepEqual([trail.webhooks, trail.outbox, trail.messages], [[], [], []]);
  });

  test('a stale plan is refused with 409 and writes nothing', async () => {
    const s = await startInstance(t.db, { processId: 'fitness-test-exemption', actor: a.student!, input: await fitnessInput(a.student!), now: tick() });
    started.add(s.instance.id);
    const [row] = await t.db.select().from(processInstances).where(eq(processInstances.id, s.instance.id));
    const def = getDefinition(row!.processId, row!.processVersion);
    const now = tick();
    const stale = planEvent(
      row!,
      def,
      {
        event: { type: 'approve', actorId: a.counselor!.id, comment: '', at: now.toISOString() },
        actor: a.counselor!,
        actorRole: 'counselor',
        comment: null,
        payload: {},
        actionLabel: { zh: '核实通过', en: 'Verify' },
        openTasks: s.openedTasks,
        attachments: [],
        calendar: weekdayCalendar,
      },
      now,
    );
    await applyEvent(t.db, { instanceId: s.instance.id, actor: a.counselor!, type: 'approve', now });
    await expectCode(
      t.db.transaction((tx) => commit(tx, [stale])),
      'CONFLICT',
    );
    const events = await t.db.select().from(instanceEvents).where(eq(instanceEvents.instanceId, s.instance.id));
    assert.equal(events.length, 2);
  });

  test('instance.started for every instance that started, instance.finished for every one that ended; every chain verifies', async () => {
    const ids = [...started];
    const rows = await t.db.select().from(processInstances).where(inArray(processInstances.id, ids));
    const deliveries = await webhookDeliveriesOf(hookId);
    const outboxRows = await t.db.select().from(outbox).where(inArray(outbox.instanceId, ids));
    const count = (id: string, event: string) => ({
      webhook: deliveries.filter((d) => d.event === event && (d.payload as { instance: { id: string } }).instance.id === id).length,
      outbox: outboxRows.filter((o) => o.kind === 'instance-event' && (o.payload as { events: string[] }).events.includes(event)).filter((o) => o.instanceId === id).length,
    });
    for (const row of rows) {
      assert.deepEqual(count(row.id, 'instance.started'), { webhook: 1, outbox: 1 }, `${row.processId} ${row.id} started`);
      assert.deepEqual(count(row.id, 'instance.finished'), row.status === 'active' ? { webhook: 0, outbox: 0 } : { webhook: 1, outbox: 1 }, `${row.id} ${row.status}`);
      const chain = await t.db.select().from(instanceEvents).where(eq(instanceEvents.instanceId, row.id)).orderBy(asc(instanceEvents.seq));
      assert.equal(chain.length, row.revision, 'one log row per revision');
      assert.equal(chain.at(-1)!.hash, row.lastHash);
      assert.deepEqual(verifyChain(chain), { ok: true });
    }
    assert.ok(rows.some((r) => r.status === 'cancelled'));
  });
});
