import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { instanceEvents, messages, tasks, uploads } from '@/db/schema';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { batchTasks } from '@/lib/instances/batch-tasks';
import { listTasks } from '@/lib/instances/list-tasks';
import { applyEvent } from '@/workflows/engine/apply-event';
import { isAppError } from '@/workflows/engine/errors';
import { startInstance } from '@/workflows/engine/start-instance';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

// 批量审批 (issue 16 item 9) through lib/instances/batch-tasks.ts, as the API route calls it.
let t: TestDatabase;
const actors: Record<string, SessionUser> = {};
const now = () => new Date();

async function fitness(who = 'student'): Promise<{ instanceId: string; taskId: string }> {
  const [upload] = await t.db
    .insert(uploads)
    .values({ ownerId: actors[who]!.id, filename: 'cert.pdf', contentType: 'application/pdf', size: 10, sha256: 'ab'.repeat(32), storageKey: `x/${randomUUID()}` })
    .returning();
  const { instance } = await startInstance(t.db, {
    processId: 'fitness-test-exemption',
    actor: actors[who]!,
    input: { kind: 'exempt', reason: '膝关节韧带损伤，医嘱半年内禁止剧烈运动', evidence: [upload!.id] },
    now: now(),
  });
  const [task] = await t.db.select().from(tasks).where(and(eq(tasks.instanceId, instance.id), eq(tasks.status, 'open')));
  return { instanceId: instance.id, taskId: task!.id };
}

async function refused(promise: Promise<unknown>, code: string, zh: RegExp) {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(isAppError(e), String(e));
    assert.equal(e.code, code);
    assert.match(e.userMessage?.zh ?? '', zh);
    return true;
  });
}

const batch = (who: string, taskIds: string[], extra: { comment?: string; attachmentsConfirmed?: boolean } = {}) =>
  batchTasks(t.db, actors[who]!, { taskIds, ...extra }, now(), 'zh');

before(async () => {
  t = await createTestDatabase();
  for (const name of ['student', 'student2', 'counselor', 'counselor2', 'doctor', 'sports']) actors[name] = (await loadActor(t.db, { username: name }))!;
});
after(() => t.close());

describe('批量审批', () => {
  test('five of the counselor step with one comment: the one the applicant withdrew meanwhile is reported, the others move on', async () => {
    const apps = await Promise.all([1, 2, 3, 4, 5].map(() => fitness()));
    await applyEvent(t.db, { instanceId: apps[2]!.instanceId, actor: actors.student!, type: 'withdraw', now: now() });
    const answer = await batch('counselor', apps.map((a) => a.taskId), { comment: '情况属实', attachmentsConfirmed: true });
    assert.equal(answer.action, 'approve');
    assert.equal(answer.succeeded, 4);
    assert.equal(answer.failed, 1);
    const failed = answer.results.find((r) => !r.ok)!;
    assert.equal(failed.taskId, apps[2]!.taskId);
    assert.equal(failed.error?.code, 'CONFLICT');
    assert.match(failed.error!.message, /已被处理/);
    assert.ok(answer.results.every((r) => typeof r.caseNo === 'string' && r.caseNo.length > 0), 'case numbers come back');
    // Each one its own logged transition with the one comment; the hospital now has them.
    const events = await t.db.select().from(instanceEvents).where(and(inArray(instanceEvents.instanceId, apps.map((a) => a.instanceId)), eq(instanceEvents.type, 'approve')));
    assert.equal(events.length, 4);
    assert.ok(events.every((e) => e.comment === '情况属实' && e.toState === 'hospitalReview'));
    const hospital = await listTasks(t.db, actors.doctor!, 'open');
    assert.equal(hospital.filter((x) => apps.some((a) => a.instanceId === x.instanceId)).length, 4);
    // The applicant hears of each step, through the one writer.
    const notes = await t.db.select().from(messages).where(and(eq(messages.userId, actors.student!.id), inArray(messages.instanceId, apps.map((a) => a.instanceId)), eq(messages.kind, 'instance.update')));
    assert.equal(notes.length, 4);
    // Again: all five are no longer open, each reported, nothing else happens.
    const again = await batch('counselor', apps.map((a) => a.taskId), { attachmentsConfirmed: true });
    assert.equal(again.succeeded, 0);
    assert.ok(again.results.every((r) => r.error?.code === 'CONFLICT'));
  });

  test('the step asks for the attachments to be read: without the tick nothing is done', async () => {
    const a = await fitness();
    await refused(batch('counselor', [a.taskId]), 'INVALID_INPUT', /附件/);
    const [task] = await t.db.select().from(tasks).where(eq(tasks.id, a.taskId));
    assert.equal(task!.status, 'open');
  });

  test('someone else’s task in the selection: refused as a whole, in Chinese, nothing applied', async () => {
    const mine = await fitness('student');
    const theirs = await fitness('student2'); // 农学院: counselor2's
    await refused(batch('counselor', [mine.taskId, theirs.taskId], { attachmentsConfirmed: true }), 'FORBIDDEN', /不由您办理/);
    await refused(batch('counselor', [mine.taskId, randomUUID()], { attachmentsConfirmed: true }), 'FORBIDDEN', /不由您办理/);
    const open = await t.db.select().from(tasks).where(inArray(tasks.id, [mine.taskId, theirs.taskId]));
    assert.ok(open.every((x) => x.status === 'open'));
  });

  test('tasks of two steps, or a step without batch, are refused', async () => {
    // Someone who works both the counselor and the hospital step (two bindings) still cannot mix them.
    const both = { ...actors.counselor!, roles: [...actors.counselor!.roles, { role: 'handler', orgUnitId: 'hospital' }] };
    const first = await fitness();
    const second = await fitness();
    await applyEvent(t.db, { instanceId: second.instanceId, actor: actors.counselor!, type: 'approve', now: now() });
    const [hospitalTask] = await t.db.select().from(tasks).where(and(eq(tasks.instanceId, second.instanceId), eq(tasks.status, 'open')));
    await refused(batchTasks(t.db, both, { taskIds: [first.taskId, hospitalTask!.id], attachmentsConfirmed: true }, now(), 'zh'), 'INVALID_INPUT', /同一流程、同一环节/);
    // The hospital step has no batch meta.
    await refused(batch('doctor', [hospitalTask!.id]), 'EVENT_NOT_ALLOWED', /不支持批量/);
    const open = await t.db.select().from(tasks).where(inArray(tasks.id, [first.taskId, hospitalTask!.id]));
    assert.ok(open.every((x) => x.status === 'open'));
  });

  test('more than 100, or none, are refused before anything is read', async () => {
    const ids = Array.from({ length: 101 }, () => randomUUID());
    const { batchTasksBody } = await import('@/lib/api/route-inputs');
    const parsed = batchTasksBody.safeParse({ taskIds: ids });
    assert.equal(parsed.success, false);
    assert.match(parsed.error!.issues[0]!.message, /最多批量办理 100 件/);
    const { batchActOnTasks } = await import('@/workflows/engine/batch-act');
    await refused(batchActOnTasks(t.db, { taskIds: ids, actor: actors.counselor!, now: now() }), 'INVALID_INPUT', /最多批量办理 100 件/);
    await refused(batchActOnTasks(t.db, { taskIds: [], actor: actors.counselor!, now: now() }), 'INVALID_INPUT', /请选择/);
  });
});
