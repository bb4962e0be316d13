/**
 * Issue 18 item 7: after 退回修改 the applicant swaps a file; the application lists the new one
 * and the old one marked replaced (struck through on the page), for the applicant and the reviewer.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { SessionUser } from '@/lib/auth/load-actor';
import { getInstanceView } from '@/lib/instances/get-instance-view';
import { applyEvent } from '@/workflows/engine/apply-event';
import { startInstance } from '@/workflows/engine/start-instance';
import { fakeUpload, loadActors } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let a: Record<string, SessionUser>;

before(async () => {
  t = await createTestDatabase();
  a = await loadActors(t.db, ['student', 'counselor']);
});
after(() => t.close());

test('a file replaced on resubmission is listed after the new one, marked replaced, for applicant and reviewer', async () => {
  const kept = await fakeUpload(t.db, a.student!.id, '病历.pdf');
  const old = await fakeUpload(t.db, a.student!.id, '旧诊断证明.pdf');
  const form = { kind: 'exempt', reason: '膝关节韧带损伤', evidence: [kept, old] };
  const { instance } = await startInstance(t.db, { processId: 'fitness-test-exemption', actor: a.student!, input: form, now: new Date() });
  const before = await getInstanceView(t.db, a.counselor!, instance.id);
  assert.deepEqual(before.attachments.map((f) => f.replaced), [false, false], 'nothing replaced before a resubmission');

  await applyEvent(t.db, { instanceId: instance.id, actor: a.counselor!, type: 'return', comment: '诊断证明不清晰', now: new Date() });
  const fresh = await fakeUpload(t.db, a.student!.id, '新诊断证明.pdf');
  await applyEvent(t.db, { instanceId: instance.id, actor: a.student!, type: 'resubmit', input: { ...form, evidence: [kept, fresh] }, now: new Date() });

  for (const viewer of [a.student!, a.counselor!]) {
    const view = await getInstanceView(t.db, viewer, instance.id);
    const shown = view.attachments.map((f) => [f.filename, f.replaced]);
    assert.deepEqual(shown.slice(2), [['旧诊断证明.pdf', true]], 'the swapped-out file last, marked replaced');
    assert.deepEqual(shown.slice(0, 2).sort(), [['新诊断证明.pdf', false], ['病历.pdf', false]].sort());
  }
});
