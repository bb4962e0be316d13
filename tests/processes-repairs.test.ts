import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { catalogServices, instanceEvents, messages, outbox, processInstances, tasks } from '@/db/schema';
import { SEED_ENTRIES } from '@/lib/catalog/seed-entries';
import type { SessionUser } from '@/lib/auth/load-actor';
import { completeDormRepairJob } from '@/lib/integrations/complete-dorm-repair-job';
import { signedHeaders, verifySignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '@/lib/integrations/signature';
import { createDispatcher, dispatchDue } from '@/lib/outbox/dispatcher';
import { jobHandler } from '@/lib/outbox/handlers/job';
import type { Fetcher } from '@/lib/net';
import { getInstanceView } from '@/lib/instances/get-instance-view';
import { applyEvent } from '@/workflows/engine/apply-event';
import { startInstance } from '@/workflows/engine/start-instance';
import { fireDueTimers } from '@/workflows/engine/fire-due-timers';
import { addDelay, loadWorkingCalendar } from '@/workflows/engine/calendar';
import { addDays, expectCode, fakeUpload, loadActors } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let a: Record<string, SessionUser>;
const now = new Date();
const SECRET = 'test-secret-0123456789';
const target = { 'dorm-repair': { url: 'http://127.0.0.1:3215/jobs', secret: SECRET } };

const insuranceEntry = () => SEED_ENTRIES.find((e) => e.code === 'insurance-opt-out')!;

const location = { building: '华山区 12 栋', room: '305', description: '水龙头一直漏水，关不紧' };

before(async () => {
  t = await createTestDatabase();
  a = await loadActors(t.db, ['student', 'logistics', 'assets', 'security', 'cadre2', 'doctor']);
});
after(() => t.close());

function signed(body: unknown, secret = SECRET) {
  const text = JSON.stringify(body);
  const h = signedHeaders(secret, text);
  return { body: text, timestamp: h[TIMESTAMP_HEADER]!, signature: h[SIGNATURE_HEADER]! };
}

describe('dorm-repair with the maintenance-system integration', () => {
  test('dispatch queues a signed webhook, retried with backoff; the signed callback reports done', async () => {
    const photo = await fakeUpload(t.db, a.student!.id, 'leak.jpg');
    const input = { ...location, category: 'plumbing', photos: [photo], preferredTime: '工作日晚上' };
    const { instance } = await startInstance(t.db, { processId: 'dorm-repair', actor: a.student!, input, now });
    await applyEvent(t.db, { instanceId: instance.id, actor: a.logistics!, type: 'dispatch', now });
    const [job] = await t.db.select().from(outbox).where(and(eq(outbox.kind, 'job'), eq(outbox.instanceId, instance.id)));
    assert.equal(job!.status, 'pending');
    assert.equal(((job!.payload as { form: { room: string } }).form).room, '305');

    const deliverAt = (at: Date, fetcher: Fetcher) =>
      dispatchDue(createDispatcher(t.db, { policy: { baseMs: 30_000, maxMs: 3600_000, maxAttempts: 8 }, now: async () => at, handlers: [jobHandler(target, fetcher)] }));
    const failing: Fetcher = async () => new Response('busy', { status: 503 });
    await deliverAt(now, failing);
    const [retry] = await t.db.select().from(outbox).where(eq(outbox.id, job!.id));
    assert.equal(retry!.attempts, 1);
    assert.equal(retry!.lastError, 'HTTP 503');
    assert.equal(retry!.status, 'pending');
    assert.ok(retry!.notBefore > now, 'retried later, not at once');

    let received: { body: string; headers: Headers } | undefined;
    const ok: Fetcher = async (_url, init) => {
      received = { body: String(init.body), headers: new Headers(init.headers) };
      return new Response('ok');
    };
    await deliverAt(addDays(now, 1), ok);
    assert.equal((await t.db.select().from(outbox).where(eq(outbox.id, job!.id)))[0]!.status, 'sent');
    assert.ok(verifySignature(SECRET, received!.headers.get(TIMESTAMP_HEADER), received!.headers.get(SIGNATURE_HEADER), received!.body));
    assert.equal(JSON.parse(received!.body).jobId, job!.id);
    assert.equal(received!.headers.get('idempotency-key'), job!.key, 'the job carries its idempotency key');

    const eventsBefore = (await t.db.select({ n: count() }).from(instanceEvents))[0]!.n;
    await expectCode(completeDormRepairJob(t.db, signed({ jobId: job!.id, status: 'done' }, 'another-secret-000000'), SECRET, now), 'UNAUTHENTICATED');
    await expectCode(completeDormRepairJob(t.db, { ...signed({ jobId: job!.id, status: 'done' }), body: '{"jobId":"x"}' }, SECRET, now), 'UNAUTHENTICATED');
    await expectCode(
      completeDormRepairJob(t.db, signed({ jobId: '00000000-0000-4000-8000-00000000abcd', status: 'done' }), SECRET, now),
      'NOT_FOUND',
    );
    assert.equal((await t.db.select({ n: count() }).from(instanceEvents))[0]!.n, eventsBefore, 'nothing written');

    await completeDormRepairJob(t.db, signed({ jobId: job!.id, status: 'done', note: '已更换阀芯' }), SECRET, now);
    await expectCode(completeDormRepairJob(t.db, signed({ jobId: job!.id, status: 'done' }), SECRET, now), 'CONFLICT');
    await expectCode(
      applyEvent(t.db, { instanceId: instance.id, actor: a.student!, type: 'confirm', input: { rating: 9 }, now }),
      'INVALID_INPUT',
    );
    const closed = await applyEvent(t.db, { instanceId: instance.id, actor: a.student!, type: 'confirm', input: { rating: 5, comment: '很快' }, now });
    assert.equal(closed.instance.status, 'completed');
    assert.equal((closed.instance.snapshot as { context: { rating: { rating: number } } }).context.rating.rating, 5);
  });

  test('reopen sends it back to dispatch', async () => {
    const { instance } = await startInstance(t.db, { processId: 'dorm-repair', actor: a.student!, input: { ...location, category: 'electrical', photos: [] }, now });
    await applyEvent(t.db, { instanceId: instance.id, actor: a.logistics!, type: 'dispatch', now });
    await applyEvent(t.db, { instanceId: instance.id, actor: a.logistics!, type: 'done', now });
    await expectCode(applyEvent(t.db, { instanceId: instance.id, actor: a.student!, type: 'reopen', now }), 'INVALID_INPUT');
    const back = await applyEvent(t.db, { instanceId: instance.id, actor: a.student!, type: 'reopen', comment: '还是漏水', now });
    assert.equal(back.instance.state, 'dispatch');
  });
});

describe('furniture-repair and fire-equipment', () => {
  test('资产管理处 reviews → repaired → accepted (v1: any rating closes it)', async () => {
    const { instance } = await startInstance(t.db, { processId: 'furniture-repair', version: 1, actor: a.cadre2!, input: { ...location, category: 'chair', photos: [] }, now });
    await applyEvent(t.db, { instanceId: instance.id, actor: a.assets!, type: 'approve', now });
    await applyEvent(t.db, { instanceId: instance.id, actor: a.assets!, type: 'done', now });
    const done = await applyEvent(t.db, { instanceId: instance.id, actor: a.cadre2!, type: 'confirm', input: { rating: 2, comment: '椅子还是晃' }, now });
    assert.equal(done.instance.status, 'completed');
    // The 好差评 in words (GB/T 39734), on the application and in its timeline, for requester and department.
    for (const viewer of [a.cadre2!, a.assets!]) {
      const view = await getInstanceView(t.db, viewer, instance.id);
      const rated = view.timeline.filter((e) => e.rating).map((e) => [e.type, e.rating!.label.zh, e.rating!.comment]);
      assert.deepEqual(rated, [['confirm', '不满意', '椅子还是晃']]);
    }
  });

  test('保卫处 returns for more detail, the requester resubmits, it is replaced and confirmed', async () => {
    const input = { ...location, equipment: 'extinguisher', request: 'replace', quantity: 2, photos: [] };
    const { instance } = await startInstance(t.db, { processId: 'fire-equipment', actor: a.cadre2!, input, now });
    await applyEvent(t.db, { instanceId: instance.id, actor: a.security!, type: 'return', comment: '请注明灭火器规格', now });
    await applyEvent(t.db, { instanceId: instance.id, actor: a.cadre2!, type: 'resubmit', input: { ...input, description: '两具 4kg 干粉灭火器压力不足' }, now });
    await applyEvent(t.db, { instanceId: instance.id, actor: a.security!, type: 'approve', now });
    await applyEvent(t.db, { instanceId: instance.id, actor: a.security!, type: 'done', now });
    const done = await applyEvent(t.db, { instanceId: instance.id, actor: a.cadre2!, type: 'confirm', input: { rating: 5 }, now });
    assert.equal(done.instance.status, 'completed');
  });
});

describe('差评整改: from v2 a 不满意 / 非常不满意 rating reopens a repair for the department', () => {
  const openTask = (instanceId: string) => t.db.select().from(tasks).where(and(eq(tasks.instanceId, instanceId), eq(tasks.status, 'open')));

  test('宿舍报修: 不满意 reopens it for 后勤处 with 5 working days; both see the rating, the comment and the day; the answer goes back to the student', async () => {
    const { instance } = await startInstance(t.db, { processId: 'dorm-repair', actor: a.student!, input: { ...location, category: 'plumbing', photos: [] }, now });
    assert.equal(instance.processVersion, 2);
    await applyEvent(t.db, { instanceId: instance.id, actor: a.logistics!, type: 'dispatch', now });
    await applyEvent(t.db, { instanceId: instance.id, actor: a.logistics!, type: 'done', now });
    // Whatever deadline the student sends, the engine's counts.
    const rated = await applyEvent(t.db, {
      instanceId: instance.id,
      actor: a.student!,
      type: 'confirm',
      input: { rating: 2, comment: '还是滴水', deadline: '2099-01-01T00:00:00.000Z' },
      now,
    });
    assert.equal(rated.instance.state, 'reopened');
    assert.equal(rated.instance.status, 'active');
    const due = addDelay(now, { workingDays: 5 }, await loadWorkingCalendar(t.db)).toISOString();
    const [task] = await openTask(instance.id);
    assert.equal(task!.orgUnitId, 'logistics');
    assert.equal(task!.dueAt!.toISOString(), due, 'the department has 5 working days on the university calendar');

    for (const viewer of [a.student!, a.logistics!]) {
      const view = await getInstanceView(t.db, viewer, instance.id);
      assert.deepEqual(view.reopened, { rating: { level: 2, label: { zh: '不满意', en: 'Dissatisfied' }, comment: '还是滴水' }, dueAt: due });
      assert.deepEqual(view.stateLabels.map((l) => l.zh), ['差评重新办理']);
      assert.deepEqual(view.timeline.filter((e) => e.rating).map((e) => [e.action.zh, e.rating!.label.zh, e.rating!.comment]), [['确认并评价', '不满意', '还是滴水']]);
    }
    assert.deepEqual((await getInstanceView(t.db, a.logistics!, instance.id)).myActions.map((x) => x.label.zh), ['答复并请再次验收', '重新派单维修']);
    // The student who rated cannot take the application back now (it would erase the complaint).
    assert.ok(!(await getInstanceView(t.db, a.student!, instance.id)).instanceOps.includes('withdrawApplication'));

    // Unanswered past the deadline: 后勤处 is reminded; the case stays with it.
    await fireDueTimers(t.db, addDays(now, 10));
    const reminders = await t.db.select().from(messages).where(and(eq(messages.instanceId, instance.id), eq(messages.userId, a.logistics!.id), eq(messages.kind, 'instance.reminder')));
    assert.equal(reminders.length, 1);
    assert.ok((await getInstanceView(t.db, a.student!, instance.id)).reopened, 'still waiting on the answer');

    await expectCode(applyEvent(t.db, { instanceId: instance.id, actor: a.logistics!, type: 'answerRating', now }), 'INVALID_INPUT');
    const answered = await applyEvent(t.db, { instanceId: instance.id, actor: a.logistics!, type: 'answerRating', comment: '已更换整个龙头', now });
    assert.equal(answered.instance.state, 'confirming');
    assert.equal((await getInstanceView(t.db, a.student!, instance.id)).reopened, null);
    const closed = await applyEvent(t.db, { instanceId: instance.id, actor: a.student!, type: 'confirm', input: { rating: 4 }, now });
    assert.equal(closed.instance.status, 'completed');
  });

  test('家具维修 and 消防器材: 非常不满意 reopens them too; 基本满意 or better closes them', async () => {
    const chair = { ...location, category: 'chair', photos: [] };
    const done = async (processId: string, input: unknown, org: SessionUser) => {
      const { instance } = await startInstance(t.db, { processId, actor: a.cadre2!, input, now });
      await applyEvent(t.db, { instanceId: instance.id, actor: org, type: 'approve', now });
      await applyEvent(t.db, { instanceId: instance.id, actor: org, type: 'done', now });
      return instance.id;
    };
    const furniture = await done('furniture-repair', chair, a.assets!);
    const reopened = await applyEvent(t.db, { instanceId: furniture, actor: a.cadre2!, type: 'confirm', input: { rating: 1, comment: '椅子还是晃' }, now });
    assert.equal(reopened.instance.state, 'reopened');
    assert.equal((await openTask(furniture))[0]!.orgUnitId, 'assets');
    const fire = await done('fire-equipment', { ...location, equipment: 'extinguisher', request: 'replace', quantity: 1, photos: [] }, a.security!);
    const reopenedFire = await applyEvent(t.db, { instanceId: fire, actor: a.cadre2!, type: 'confirm', input: { rating: 2 }, now });
    assert.equal(reopenedFire.instance.state, 'reopened');
    assert.equal((await openTask(fire))[0]!.orgUnitId, 'security');
    const fine = await done('furniture-repair', chair, a.assets!);
    assert.equal((await applyEvent(t.db, { instanceId: fine, actor: a.cadre2!, type: 'confirm', input: { rating: 3 }, now })).instance.status, 'completed');
  });

  test('a repair started on v1 finishes on v1: its 不满意 closes it, as when it started', async () => {
    const { instance } = await startInstance(t.db, { processId: 'dorm-repair', version: 1, actor: a.student!, input: { ...location, category: 'doors-windows', photos: [] }, now });
    await applyEvent(t.db, { instanceId: instance.id, actor: a.logistics!, type: 'dispatch', now });
    await applyEvent(t.db, { instanceId: instance.id, actor: a.logistics!, type: 'done', now });
    const closed = await applyEvent(t.db, { instanceId: instance.id, actor: a.student!, type: 'confirm', input: { rating: 1, comment: '门还是关不上' }, now });
    assert.equal(closed.instance.processVersion, 1);
    assert.equal(closed.instance.status, 'completed');
    assert.equal((await getInstanceView(t.db, a.student!, instance.id)).reopened, null);
  });
});

describe('insurance-opt-out', () => {
  test('an instance started on v1 finishes on v1 while new ones start on v2', async () => {
    const proof = await fakeUpload(t.db, a.student!.id);
    const input = { insurer: '湛江市城镇职工医保', proof: [proof] };
    const old = await startInstance(t.db, { processId: 'insurance-opt-out', version: 1, actor: a.student!, input, now });
    const proof2 = await fakeUpload(t.db, a.student!.id);
    const fresh = await startInstance(t.db, { processId: 'insurance-opt-out', actor: a.student!, input: { ...input, proof: [proof2] }, now });
    assert.equal(old.instance.processVersion, 1);
    assert.equal(fresh.instance.processVersion, 2);
    // v2 added "not eligible"; the v1 instance keeps v1's rules to the end.
    await expectCode(applyEvent(t.db, { instanceId: old.instance.id, actor: a.doctor!, type: 'reject', comment: '证明已过期', now }), 'EVENT_NOT_ALLOWED');
    const registered = await applyEvent(t.db, { instanceId: old.instance.id, actor: a.doctor!, type: 'register', now });
    assert.equal(registered.instance.processVersion, 1);
    assert.equal(registered.instance.status, 'completed');
    const rejected = await applyEvent(t.db, { instanceId: fresh.instance.id, actor: a.doctor!, type: 'reject', comment: '证明已过期', now });
    assert.equal(rejected.instance.status, 'rejected');
  });

  test('the proof is mandatory, and after the deadline it can no longer be started', async () => {
    await expectCode(startInstance(t.db, { processId: 'insurance-opt-out', actor: a.student!, input: { insurer: '某保险', proof: [] }, now }), 'INVALID_INPUT');
    // The window is data on the catalog entry: one that closed yesterday refuses today's start.
    const yesterday = new Date(addDays(now, -1).getTime() + 8 * 3_600_000).toISOString().slice(5, 10);
    await t.db.insert(catalogServices).values({ ...insuranceEntry(), applicationWindow: { closes: yesterday } });
    const proof = await fakeUpload(t.db, a.student!.id);
    const before = (await t.db.select({ n: count() }).from(processInstances))[0]!.n;
    await expectCode(startInstance(t.db, { processId: 'insurance-opt-out', actor: a.student!, input: { insurer: '某保险公司', proof: [proof] }, now }), 'EVENT_NOT_ALLOWED');
    assert.equal((await t.db.select({ n: count() }).from(processInstances))[0]!.n, before);
    await t.db.delete(catalogServices).where(eq(catalogServices.code, 'insurance-opt-out'));
  });
});
