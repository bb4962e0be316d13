import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { campusRecords, processInstances, rememberedFacts, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/load-actor';
import { sendApplication } from '@/lib/instances/start-application';
import { createServiceRequest } from '@/lib/open311/requests';
import { prefillForm } from '@/lib/prefill/prefill-form';
import { getDefinition } from '@/workflows/registry';
import { loadActors } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

// Issue 18 item 4 (一表通): forms start with what the hall knows; locked facts come from the record only.
let t: TestDatabase;
let a: Record<string, SessionUser>;
const now = new Date();

before(async () => {
  t = await createTestDatabase();
  a = await loadActors(t.db, ['student', 'student2', 'cadre']);
  await t.db.update(users).set({ phone: '13912345678' }).where(eq(users.username, 'student'));
  await t.db.insert(campusRecords).values({
    dataset: 'dorm',
    naturalKey: 'student',
    ownerUsername: 'student',
    data: { studentId: 'student', building: '紫荆公寓 5 号楼', room: '312', bed: '2' },
  });
});
after(() => t.close());

async function formOf(id: string): Promise<Record<string, unknown>> {
  const [row] = await t.db.select({ snapshot: processInstances.snapshot }).from(processInstances).where(eq(processInstances.id, id));
  return (row!.snapshot as { context: { form: Record<string, unknown> } }).context.form;
}

const repair = { category: 'plumbing', description: '卫生间水龙头一直滴水', photos: [] };

describe('一表通', () => {
  test('a dormitory repair opens filled in from 学籍信息 and 住宿信息; a student without a phone or room on file gets empty fields', async () => {
    const form = await prefillForm(t.db, a.student!.id, getDefinition('dorm-repair'));
    assert.deepEqual(
      Object.fromEntries(Object.entries(form).map(([k, v]) => [k, [v.value, v.source, v.locked]])),
      {
        applicantName: ['李明', 'student-record', true],
        campusId: ['student', 'student-record', true],
        orgName: ['工程学院', 'student-record', true],
        phone: ['13912345678', 'student-record', false],
        building: ['紫荆公寓 5 号楼', 'housing', false],
        room: ['312', 'housing', false],
      },
    );
    const other = await prefillForm(t.db, a.student2!.id, getDefinition('dorm-repair'));
    assert.deepEqual(Object.keys(other).sort(), ['applicantName', 'campusId', 'orgName']);
  });

  test('name, 学号 and college a client sends are ignored: the application names the applicant as the record does', async () => {
    const id = await sendApplication(
      t.db,
      a.student!,
      'dorm-repair',
      { ...repair, building: '紫荆公寓 5 号楼', room: '312', applicantName: '王芳', campusId: 'student2', orgName: '农学院', phone: '13912345678' },
      now,
    );
    const form = await formOf(id);
    assert.deepEqual([form.applicantName, form.campusId, form.orgName, form.phone], ['李明', 'student', '工程学院', '13912345678']);
    // The record's own phone sent back is nothing to remember.
    assert.deepEqual(await t.db.select().from(rememberedFacts).where(eq(rememberedFacts.userId, a.student!.id)), []);
  });

  test('Open311 clients cannot name someone else either', async () => {
    const body = new URLSearchParams({
      service_code: 'dorm-repair',
      description: '宿舍门锁坏了，关不上',
      'attribute[building]': '桃李园 3 号楼',
      'attribute[room]': '208',
      'attribute[category]': 'doors-windows',
      'attribute[applicantName]': '李明',
      phone: '13600000000',
    });
    const [created] = await createServiceRequest(t.db, a.student2!, body, now);
    const form = await formOf(created!.service_request_id);
    assert.deepEqual([form.applicantName, form.campusId, form.orgName, form.phone], ['王芳', 'student2', '农学院', '13600000000']);
  });

  test('a corrected phone is offered next time as 上次填写, on every form that asks for it; typing the record again forgets it', async () => {
    await sendApplication(t.db, a.student!, 'dorm-repair', { ...repair, building: '紫荆公寓 5 号楼', room: '312', phone: '13700001111' }, now);
    const next = await prefillForm(t.db, a.student!.id, getDefinition('dorm-repair'));
    assert.deepEqual([next.phone?.value, next.phone?.source], ['13700001111', 'last-typed']);
    // The dormitory typed is not kept: the next form starts at the student's own room again.
    assert.equal(next.building?.source, 'housing');
    await sendApplication(t.db, a.student!, 'dorm-repair', { ...repair, building: '紫荆公寓 5 号楼', room: '312', phone: '13912345678' }, now);
    const again = await prefillForm(t.db, a.student!.id, getDefinition('dorm-repair'));
    assert.deepEqual([again.phone?.value, again.phone?.source], ['13912345678', 'student-record']);
  });

  test("a cadre's leave contact starts as the phone on their 人事 record", async () => {
    await t.db.update(users).set({ phone: '020-85280001' }).where(eq(users.username, 'cadre'));
    const form = await prefillForm(t.db, a.cadre!.id, getDefinition('cadre-leave-city-report'));
    assert.deepEqual(form, { contact: { value: '020-85280001', source: 'staff-record', locked: false } });
  });
});
