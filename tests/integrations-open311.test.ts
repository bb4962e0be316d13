import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { createServiceRequest, getServiceRequest, listServiceRequests, toRepairInput } from '@/lib/open311/requests';
import { repairDefinitions } from '@/lib/open311/services';
import { getDefinition } from '@/workflows/registry';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';


let t: TestDatabase;
let student: SessionUser;
let student2: SessionUser;
const NOW = new Date('2026-11-27T08:00:00Z');

before(async () => {
  t = await createTestDatabase();
  student = (await loadActor(t.db, { username: 'student' }))!;
  student2 = (await loadActor(t.db, { username: 'student2' }))!;
});
after(() => t.close());

test('a GeoReport form maps to the repair input contract', () => {
  const form = new URLSearchParams({
    service_code: 'dorm-repair',
    description: '卫生间水龙头漏水',
    'attribute[building]': '东区 12 栋',
    'attribute[room]': '305',
    'attribute[category]': 'plumbing',
    'attribute[preferred_time]': '工作日下午',
  });
  assert.deepEqual(toRepairInput(form), {
    building: '东区 12 栋',
    room: '305',
    category: 'plumbing',
    description: '卫生间水龙头漏水',
    photos: [],
    preferredTime: '工作日下午',
  });
});

test('only registered repair processes are offered as services', () => {
  assert.deepEqual(
    repairDefinitions().map((d) => d.id),
    ['dorm-repair', 'furniture-repair', 'fire-equipment'].filter((id) => {
      try {
        return Boolean(getDefinition(id));
      } catch {
        return false;
      }
    }),
  );
});

test('an unknown service code is a 404', async () => {
  await assert.rejects(createServiceRequest(t.db, student, new URLSearchParams({ service_code: 'nope' }), NOW), { code: 'NOT_FOUND' });
});

test('Open311 create → the request is listed and readable by its requester only', async () => {
  const form = new URLSearchParams({
    service_code: 'dorm-repair',
    description: '卫生间水龙头漏水',
    'attribute[building]': '东区 12 栋',
    'attribute[room]': '305',
    'attribute[category]': 'plumbing',
  });
  const [created] = await createServiceRequest(t.db, student, form, NOW);
  const id = created!.service_request_id;
  const [one] = await getServiceRequest(t.db, student, id, 'zh');
  assert.equal(one!.status, 'open');
  assert.equal(one!.address, '东区 12 栋 305');
  const mine = await listServiceRequests(t.db, student, new URLSearchParams({ status: 'open' }), 'zh');
  assert.ok(mine.some((r) => r.service_request_id === id));
  await assert.rejects(getServiceRequest(t.db, student2, id, 'zh'), { code: 'NOT_FOUND' });
  const bad = new URLSearchParams(form);
  bad.set('attribute[category]', 'volcano');
  await assert.rejects(createServiceRequest(t.db, student, bad, NOW), { code: 'INVALID_INPUT' });
});
