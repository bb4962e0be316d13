/**
 * Issue 20: POST /api/v1/instances/{id}/events answers where the instance stands from what the
 * transition wrote (no re-read of the whole view); the view comes only when asked (?view=full).
 * sendInstanceEvent is what the route calls; getDb() is the test database here (withTransaction).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { SessionUser } from '@/lib/auth/load-actor';
import { withTransaction } from '@/lib/db';
import { getInstanceView } from '@/lib/instances/get-instance-view';
import { listApplications } from '@/lib/instances/list-applications';
import { sendInstanceEvent } from '@/lib/instances/send-instance-event';
import { expectCode, loadActors, startFitnessDeferral } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let a: Record<string, SessionUser>;
const inApp = <T>(fn: () => Promise<T>) => withTransaction(t.db, fn);

before(async () => {
  t = await createTestDatabase();
  a = await loadActors(t.db, ['student', 'student2', 'counselor', 'doctor']);
});
after(() => t.close());

test('an approval answers the new step, revision and 流水号 — the same as the page and 我的申请 then show', async () => {
  const id = await startFitnessDeferral(t.db, a.student!);
  const answer = await inApp(() => sendInstanceEvent(a.counselor!, id, { type: 'approve', expectedRevision: 1 }));

  const view = await getInstanceView(t.db, a.student!, id);
  assert.equal(answer.id, id);
  assert.match(answer.caseNo ?? '', /^[A-Z]+-\d{8}-\d{4}$/, 'the 流水号 people quote');
  assert.equal(answer.caseNo, view.caseNo);
  assert.equal(answer.revision, 2);
  assert.equal(answer.revision, view.revision);
  assert.equal(answer.status, 'active');
  assert.equal(answer.state, 'hospitalReview');
  assert.equal(answer.state, view.state);
  assert.deepEqual(answer.stateLabels, view.stateLabels);
  assert.match(answer.stateLabel.zh, /校医院/);
  assert.deepEqual(answer.event, { seq: 2, type: 'approve', at: answer.event.at });
  assert.equal(view.timeline.at(-1)!.at, answer.event.at);
  // Nothing of the whole view rides along (timeline, form, tasks): ask for it with ?view=full.
  for (const key of ['timeline', 'form', 'openTasks', 'myActions']) assert.equal(key in answer, false, key);

  const mine = (await listApplications(t.db, a.student!)).find((x) => x.id === id)!;
  assert.deepEqual(mine.stepLabel, answer.stateLabel, '我的申请 shows the step the answer names');
});

test('?view=full answers the whole view as the actor sees it after the event', async () => {
  const id = await startFitnessDeferral(t.db, a.student!);
  await inApp(() => sendInstanceEvent(a.counselor!, id, { type: 'approve' }));
  const full = await inApp(() => sendInstanceEvent(a.doctor!, id, { type: 'approve', expectedRevision: 2 }, { view: 'full' }));
  assert.deepEqual(full, await getInstanceView(t.db, a.doctor!, id));
  assert.equal(full.revision, 3);
  assert.deepEqual(full.timeline.map((e) => e.type), ['submit', 'approve', 'approve']);
});

test('a stale revision is still a conflict, and nothing is written', async () => {
  const id = await startFitnessDeferral(t.db, a.student!);
  await inApp(() => sendInstanceEvent(a.counselor!, id, { type: 'approve', expectedRevision: 1 }));
  await expectCode(inApp(() => sendInstanceEvent(a.doctor!, id, { type: 'approve', expectedRevision: 1 })), 'CONFLICT');
  await expectCode(inApp(() => sendInstanceEvent(a.doctor!, id, { type: 'approve', expectedRevision: 1 }, { view: 'full' })), 'CONFLICT');
  const view = await getInstanceView(t.db, a.student!, id);
  assert.equal(view.revision, 2);
  assert.deepEqual(view.timeline.map((e) => e.type), ['submit', 'approve']);
});

test('someone who may not see the instance learns nothing: not found', async () => {
  const id = await startFitnessDeferral(t.db, a.student!);
  await expectCode(inApp(() => sendInstanceEvent(a.student2!, id, { type: 'withdraw' })), 'NOT_FOUND');
});

test('an instance that ends answers its final status and step', async () => {
  const id = await startFitnessDeferral(t.db, a.student!);
  const answer = await inApp(() => sendInstanceEvent(a.counselor!, id, { type: 'reject', comment: '材料不全', expectedRevision: 1 }));
  const view = await getInstanceView(t.db, a.student!, id);
  assert.equal(answer.status, 'rejected');
  assert.equal(answer.status, view.status);
  assert.equal(answer.state, view.state);
  assert.deepEqual(answer.stateLabels, view.stateLabels);
});
