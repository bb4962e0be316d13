import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dormRepairV1 } from '@/workflows/dorm-repair/definition';
import { cadreLeaveV2 } from '@/workflows/cadre-leave/definition';
import { factsToRemember, resolvePrefill, withLockedFacts, type ProfileFacts } from './resolve-prefill';

const student: ProfileFacts = {
  name: { value: '李明', source: 'student-record' },
  campusId: { value: 'student', source: 'student-record' },
  orgName: { value: '工程学院', source: 'student-record' },
  phone: { value: '13912345678', source: 'student-record' },
  dormBuilding: { value: '紫荆公寓 5 号楼', source: 'housing' },
  dormRoom: { value: '312', source: 'housing' },
};

test('a dormitory repair opens with name, 学号 and college locked, phone and room editable, each with its source', () => {
  const form = resolvePrefill(dormRepairV1.prefill, student);
  assert.deepEqual(form.applicantName, { value: '李明', source: 'student-record', locked: true });
  assert.deepEqual(form.campusId, { value: 'student', source: 'student-record', locked: true });
  assert.deepEqual(form.orgName, { value: '工程学院', source: 'student-record', locked: true });
  assert.deepEqual(form.phone, { value: '13912345678', source: 'student-record', locked: false });
  assert.deepEqual(form.building, { value: '紫荆公寓 5 号楼', source: 'housing', locked: false });
  assert.deepEqual(form.room, { value: '312', source: 'housing', locked: false });
});

test('what the hall does not know stays empty: no phone on file, no dormitory', () => {
  const { phone: _p, dormBuilding: _b, dormRoom: _r, ...known } = student;
  const form = resolvePrefill(dormRepairV1.prefill, known);
  assert.equal(form.phone, undefined);
  assert.equal(form.building, undefined);
  assert.equal(form.room, undefined);
  assert.equal(form.applicantName?.value, '李明');
});

test("a cadre's leave contact starts as the phone they last typed", () => {
  const form = resolvePrefill(cadreLeaveV2.prefill, { phone: { value: '13500000000', source: 'last-typed' } });
  assert.deepEqual(form, { contact: { value: '13500000000', source: 'last-typed', locked: false } });
  assert.deepEqual(resolvePrefill(undefined, student), {});
});

test('locked facts a client sends are replaced by the record, editable ones kept as typed', () => {
  const sent = { applicantName: '张三', campusId: 'someone-else', orgName: '校长办公室', phone: '13700000000', building: '桃李园 1 号楼' };
  assert.deepEqual(withLockedFacts(dormRepairV1.prefill, student, sent), {
    applicantName: '李明',
    campusId: 'student',
    orgName: '工程学院',
    phone: '13700000000',
    building: '桃李园 1 号楼',
  });
  // A locked fact the record lacks is not taken from the client either.
  const { orgName: _o, ...noOrg } = student;
  assert.equal((withLockedFacts(dormRepairV1.prefill, noOrg, sent) as Record<string, unknown>).orgName, undefined);
  // Processes without locked facts (or inputs that are no form) pass through untouched.
  assert.equal(withLockedFacts(cadreLeaveV2.prefill, student, sent), sent);
  assert.equal(withLockedFacts(dormRepairV1.prefill, student, 'nonsense'), 'nonsense');
});

test('a corrected phone is remembered as 上次填写, the record value again forgets it, the dormitory is never kept', () => {
  assert.deepEqual(factsToRemember(dormRepairV1.prefill, student, { phone: ' 13700000000 ', building: '桃李园 1 号楼' }), [{ fact: 'phone', value: '13700000000' }]);
  assert.deepEqual(factsToRemember(dormRepairV1.prefill, student, { phone: '13912345678' }), [{ fact: 'phone', value: null }]);
  assert.deepEqual(factsToRemember(dormRepairV1.prefill, student, { phone: '' }), []);
  assert.deepEqual(factsToRemember(cadreLeaveV2.prefill, {}, { contact: '020-85280001' }), [{ fact: 'phone', value: '020-85280001' }]);
});
