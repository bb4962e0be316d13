import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { instanceEvents, tasks, uploads } from '@/db/schema';
import { listTasks } from '@/lib/instances/list-tasks';
import { getInstanceView } from '@/lib/instances/get-instance-view';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { can, loadInstanceFacts } from '@/lib/policy';
import { applyEvent } from '@/workflows/engine/apply-event';
import { startInstance } from '@/workflows/engine/start-instance';
import { verifyChain } from '@/workflows/engine/hash-chain';
import { isAppError } from '@/workflows/engine/errors';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
const actors: Record<string, SessionUser> = {};
const now = () => new Date();

async function fakeUpload(ownerId: string): Promise<string> {
  const [row] = await t.db
    .insert(uploads)
    .values({ ownerId, filename: 'cert.pdf', contentType: 'application/pdf', size: 10, sha256: 'ab'.repeat(32), storageKey: 'x/y' })
    .returning();
  return row!.id;
}

async function expectCode(promise: Promise<unknown>, code: string) {
  await assert.rejects(promise, (e: unknown) => isAppError(e) && e.code === code);
}

before(async () => {
  t = await createTestDatabase();
  for (const name of ['student', 'student2', 'counselor', 'counselor2', 'doctor', 'sports', 'admin']) {
    actors[name] = (await loadActor(t.db, { username: name }))!;
  }
});
after(() => t.close());

describe('fitness-test-exemption through the engine', () => {
  test('student → counselor → 校医院 → 体育部 approves; the chain verifies', async () => {
    const evidence = await fakeUpload(actors.student!.id);
    const started = await startInstance(t.db, {
      processId: 'fitness-test-exemption',
      actor: actors.student!,
      input: { kind: 'exempt', reason: '膝关节韧带损伤，医嘱半年内禁止剧烈运动', evidence: [evidence] },
      now: now(),
    });
    const id = started.instance.id;
    assert.equal(started.instance.state, 'counselorReview');

    const counselorTasks = await listTasks(t.db, actors.counselor!, 'open');
    assert.ok(counselorTasks.some((x) => x.instanceId === id), 'counselor of 工程学院 sees the task');
    assert.ok(!(await listTasks(t.db, actors.counselor2!, 'open')).some((x) => x.instanceId === id), '农学院 counselor does not');
    assert.equal(can(actors.counselor2!, 'instance.view', (await loadInstanceFacts(t.db, actors.counselor2!, id))!), false);
    await expectCode(applyEvent(t.db, { instanceId: id, actor: actors.counselor2!, type: 'approve', now: now() }), 'FORBIDDEN');

    await applyEvent(t.db, { instanceId: id, actor: actors.counselor!, type: 'approve', comment: '情况属实', now: now() });
    await expectCode(applyEvent(t.db, { instanceId: id, actor: actors.counselor!, type: 'approve', now: now() }), 'CONFLICT');
    await applyEvent(t.db, { instanceId: id, actor: actors.doctor!, type: 'approve', now: now() });
    const done = await applyEvent(t.db, { instanceId: id, actor: actors.sports!, type: 'approve', now: now() });
    assert.equal(done.instance.status, 'completed');
    assert.equal(done.instance.state, 'approved');

    const view = await getInstanceView(t.db, actors.student!, id);
    assert.deepEqual(
      view.timeline.map((e) => [e.type, e.actorName]),
      [['submit', '李明'], ['approve', '陈老师'], ['approve', '刘医生'], ['approve', '张老师']],
    );
    assert.equal(view.timeline[0]!.attachments[0]!.sha256, 'ab'.repeat(32));
    const events = await t.db.select().from(instanceEvents).where(eq(instanceEvents.instanceId, id)).orderBy(instanceEvents.seq);
    assert.equal(verifyChain(events).ok, true);
    const open = await t.db.select().from(tasks).where(and(eq(tasks.instanceId, id), eq(tasks.status, 'open')));
    assert.equal(open.length, 0);
  });

  test('return keeps the form, resubmit goes back to the counselor; reject needs a reason', async () => {
    const evidence = await fakeUpload(actors.student!.id);
    const form = { kind: 'defer', reason: '急性阑尾炎术后恢复期', evidence: [evidence] };
    const { instance } = await startInstance(t.db, { processId: 'fitness-test-exemption', actor: actors.student!, input: form, now: now() });
    await expectCode(applyEvent(t.db, { instanceId: instance.id, actor: actors.counselor!, type: 'return', now: now() }), 'INVALID_INPUT');
    await applyEvent(t.db, { instanceId: instance.id, actor: actors.counselor!, type: 'return', comment: '请补充出院小结', now: now() });
    const view = await getInstanceView(t.db, actors.student!, instance.id);
    assert.equal(view.state, 'revising');
    assert.equal(view.form.reason, form.reason);
    assert.deepEqual(view.myActions.map((a) => a.type).sort(), ['resubmit', 'withdraw']);
    const more = await fakeUpload(actors.student!.id);
    await expectCode(
      applyEvent(t.db, { instanceId: instance.id, actor: actors.student!, type: 'resubmit', input: { ...form, evidence: [] }, now: now() }),
      'INVALID_INPUT',
    );
    const back = await applyEvent(t.db, {
      instanceId: instance.id,
      actor: actors.student!,
      type: 'resubmit',
      input: { ...form, evidence: [evidence, more] },
      now: now(),
    });
    assert.equal(back.instance.state, 'counselorReview');
    const rejected = await applyEvent(t.db, {
      instanceId: instance.id,
      actor: actors.counselor!,
      type: 'reject',
      comment: '证明材料不符合要求',
      expectedRevision: back.instance.revision,
      now: now(),
    });
    assert.equal(rejected.instance.status, 'rejected');
  });

  test('stale revision is a conflict; a student2 upload cannot be used by student', async () => {
    const foreign = await fakeUpload(actors.student2!.id);
    await expectCode(
      startInstance(t.db, {
        processId: 'fitness-test-exemption',
        actor: actors.student!,
        input: { kind: 'exempt', reason: '长期慢性病史', evidence: [foreign] },
        now: now(),
      }),
      'INVALID_INPUT',
    );
    const evidence = await fakeUpload(actors.student!.id);
    const { instance } = await startInstance(t.db, {
      processId: 'fitness-test-exemption',
      actor: actors.student!,
      input: { kind: 'exempt', reason: '长期慢性病史', evidence: [evidence] },
      now: now(),
    });
    await expectCode(
      applyEvent(t.db, { instanceId: instance.id, actor: actors.counselor!, type: 'approve', expectedRevision: 0, now: now() }),
      'CONFLICT',
    );
    await expectCode(
      startInstance(t.db, { processId: 'fitness-test-exemption', actor: actors.counselor!, input: {}, now: now() }),
      'FORBIDDEN',
    );
    await expectCode(applyEvent(t.db, { instanceId: instance.id, actor: actors.student!, type: 'approve', now: now() }), 'FORBIDDEN');
    await applyEvent(t.db, { instanceId: instance.id, actor: actors.student!, type: 'withdraw', now: now() });
  });

  test('concurrent approvals: exactly one wins', async () => {
    const evidence = await fakeUpload(actors.student!.id);
    const { instance } = await startInstance(t.db, {
      processId: 'fitness-test-exemption',
      actor: actors.student!,
      input: { kind: 'exempt', reason: '长期慢性病史', evidence: [evidence] },
      now: now(),
    });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        applyEvent(t.db, { instanceId: instance.id, actor: actors.counselor!, type: 'approve', expectedRevision: instance.revision, now: now() }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results) if (r.status === 'rejected') assert.equal((r.reason as { code: string }).code, 'CONFLICT');
    const events = await t.db.select().from(instanceEvents).where(eq(instanceEvents.instanceId, instance.id));
    assert.equal(events.length, 2);
  });
});
