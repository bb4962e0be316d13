import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SessionUser } from '@/lib/auth/load-actor';
import { SEED_ENTRIES } from '../catalog/seed-entries';
import { phoneFirst, repairHub } from './catalog';

const person = (kind: 'student' | 'staff'): SessionUser => ({ id: kind, username: kind, name: kind, kind, isCadre: false, orgUnitId: 'x', roles: [], locale: 'zh', sessionVersion: 0 });
const rows = SEED_ENTRIES.map((e) => ({ ...e, status: e.status ?? 'online', testers: e.testers ?? [] }));

test('the hub lists the seed’s six services in the table’s order; on a phone, phone services come first', () => {
  const hub = repairHub(rows, person('student'));
  assert.deepEqual(hub.map((s) => s.no), [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(phoneFirst(hub).map((s) => s.no), [1, 2, 4, 5, 6, 3]);
});

test('each button goes where the catalog entry says: our form, the integrated system’s address, or the guide', () => {
  const links = (kind: 'student' | 'staff', catalog = rows) => Object.fromEntries(repairHub(catalog, person(kind)).map((s) => [s.code, s.link]));
  const student = links('student');
  assert.deepEqual(student['dorm-repair'], { kind: 'apply', href: '/services/dorm-repair/apply' });
  assert.deepEqual(student['logistics-facility-repair'], { kind: 'external', href: 'https://repair.example.edu.cn/wecom/logistics' });
  assert.deepEqual(student['classroom-av-repair'], { kind: 'external', href: 'https://av.example.edu.cn/repair' });
  // A staff member may not report a dorm repair: the button opens its guide instead of a dead form.
  assert.deepEqual(links('staff')['dorm-repair'], { kind: 'guide', href: '/services/dorm-repair' });
  // One source: the catalog admin changes an address, the hub follows; a retired entry leaves it.
  const edited = rows.map((e) =>
    e.code === 'instrument-repair' ? { ...e, externalUrl: 'https://eam.example.edu.cn/repair/new' } : e.code === 'classroom-av-repair' ? { ...e, status: 'retired' as const } : e,
  );
  const after = links('staff', edited);
  assert.deepEqual(after['instrument-repair'], { kind: 'external', href: 'https://eam.example.edu.cn/repair/new' });
  assert.equal(after['classroom-av-repair'], undefined);
});
