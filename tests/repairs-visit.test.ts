import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { messages, outbox } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/load-actor';
import { completeDormRepairJob } from '@/lib/integrations/complete-dorm-repair-job';
import { signedHeaders, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '@/lib/integrations/signature';
import { getInstanceView } from '@/lib/instances/get-instance-view';
import { applyEvent } from '@/workflows/engine/apply-event';
import { startInstance } from '@/workflows/engine/start-instance';
import { expectCode, loadActors } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let a: Record<string, SessionUser>;
const now = new Date();
const SECRET = 'test-secret-0123456789';
const input = { building: '紫荆 3 号楼', room: '512', category: 'electrical', description: '宿舍插座没有电了', photos: [] };

before(async () => {
  t = await createTestDatabase();
  a = await loadActors(t.db, ['student', 'logistics']);
});
after(() => t.close());

function signed(body: unknown) {
  const text = JSON.stringify(body);
  const h = signedHeaders(SECRET, text);
  return { body: text, timestamp: h[TIMESTAMP_HEADER]!, signature: h[SIGNATURE_HEADER]! };
}

describe('宿舍报修: who will come and when', () => {
  test('后勤处 notes the worker at dispatch; the maintenance system’s assignment replaces it; the student sees both in turn', async () => {
    const { instance } = await startInstance(t.db, { processId: 'dorm-repair', actor: a.student!, input, now });
    assert.equal((await getInstanceView(t.db, a.student!, instance.id)).visit, null, 'nothing before dispatch');
    await expectCode(
      applyEvent(t.db, { instanceId: instance.id, actor: a.logistics!, type: 'dispatch', input: { worker: '张师傅', workerPhone: '电话号码' }, now }),
      'INVALID_INPUT',
    );
    await applyEvent(t.db, { instanceId: instance.id, actor: a.logistics!, type: 'dispatch', input: { worker: '张师傅', workerPhone: '138 0013 8000', plannedTime: '' }, now });
    assert.deepEqual((await getInstanceView(t.db, a.student!, instance.id)).visit, { worker: '张师傅', workerPhone: '138 0013 8000', plannedTime: '' });

    const [job] = await t.db.select().from(outbox).where(and(eq(outbox.kind, 'job'), eq(outbox.instanceId, instance.id)));
    await expectCode(completeDormRepairJob(t.db, signed({ jobId: job!.id, status: 'assigned', worker: '李师傅' }), SECRET, now), 'INVALID_INPUT');
    await completeDormRepairJob(t.db, signed({ jobId: job!.id, status: 'assigned', worker: '李师傅', phone: '13900139000', plannedAt: '2026-12-04T06:30:00Z' }), SECRET, now);
    const view = await getInstanceView(t.db, a.student!, instance.id);
    assert.deepEqual(view.visit, { worker: '李师傅', workerPhone: '13900139000', plannedTime: '2026/12/04 14:30' }, 'China time, to the minute');
    assert.equal(view.state, 'repairing', 'the repair goes on');
    assert.equal(view.timeline.at(-1)!.action.zh, '维修系统已派工');
    const told = await t.db.select().from(messages).where(and(eq(messages.userId, a.student!.id), eq(messages.instanceId, instance.id)));
    assert.ok(told.some((m) => m.params.actionZh === '维修系统已派工'), 'the student is told');

    // Still the same job: the system reports it done afterwards.
    await completeDormRepairJob(t.db, signed({ jobId: job!.id, status: 'done', note: '已更换插座' }), SECRET, now);
    assert.equal((await getInstanceView(t.db, a.student!, instance.id)).state, 'confirming');
    await expectCode(completeDormRepairJob(t.db, signed({ jobId: job!.id, status: 'assigned', worker: '王师傅', phone: '13700137000', plannedAt: '2026-12-05T01:00:00Z' }), SECRET, now), 'CONFLICT');
  });

  test('a dispatch without a worker shows no visit; a bare dispatch (no form) still works', async () => {
    const { instance } = await startInstance(t.db, { processId: 'dorm-repair', actor: a.student!, input, now });
    await applyEvent(t.db, { instanceId: instance.id, actor: a.logistics!, type: 'dispatch', now });
    assert.equal((await getInstanceView(t.db, a.student!, instance.id)).visit, null);
    const { instance: other } = await startInstance(t.db, { processId: 'dorm-repair', actor: a.student!, input, now });
    await applyEvent(t.db, { instanceId: other.id, actor: a.logistics!, type: 'dispatch', input: { worker: '', workerPhone: '', plannedTime: '' }, now });
    assert.equal((await getInstanceView(t.db, a.student!, other.id)).visit, null);
  });
});
