import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAppError } from '@/workflows/engine/errors';
import { runDeclared } from '../api/route';
import { authorize, can, recordingDecisions } from './can';
import { tokenScopeOf } from './table';
import type { InstanceResource, PolicyActor } from './resources';
import { audienceOf, fieldsFor } from './views';

const person = (id: string, roles: PolicyActor['roles'] = [], extra: Partial<PolicyActor> = {}): PolicyActor => ({
  id,
  name: id,
  kind: 'staff',
  orgUnitId: 'engineering',
  isCadre: false,
  roles,
  ...extra,
});
const admin = person('admin', [{ role: 'system_admin', orgUnitId: null }]);
const doctor = person('doctor', [{ role: 'handler', orgUnitId: 'hospital' }]);
const leader = person('leader', [{ role: 'dept_leader', orgUnitId: 'hospital' }]);
const school = person('school', [{ role: 'school_leader', orgUnitId: null }]);
const office = person('office', [{ role: 'mailbox_office', orgUnitId: 'president-office' }]);
const student = person('student', [], { kind: 'student' });
const writer = person('writer');

const letter = (over: Partial<InstanceResource> = {}): InstanceResource => ({
  kind: 'instance',
  id: '00000000-0000-4000-8000-000000000001',
  processId: 'presidents-mailbox',
  applicantId: null,
  applicantOrgId: null,
  viewerIsWriter: false,
  anonymous: true,
  confidential: true,
  tasks: [{ role: 'mailbox_office', orgUnitId: 'president-office', assigneeId: null, status: 'open', completedBy: null }],
  ...over,
});

test('one spelling of admin: every admin area refuses a department handler and admits an administrator', () => {
  for (const area of ['admin.operate', 'admin.integrations', 'admin.calendar', 'catalog.manage'] as const) {
    assert.equal(can(admin, area), true, area);
    assert.equal(can(doctor, area), false, area);
  }
});

test('refusals: records are hidden (404), areas are forbidden with a reason (403); nothing is refused silently', () => {
  assert.throws(() => authorize(student, 'instance.view', letter()), (e) => isAppError(e) && e.code === 'NOT_FOUND');
  assert.throws(() => authorize(doctor, 'admin.operate'), (e) => isAppError(e) && e.code === 'FORBIDDEN' && Boolean(e.userMessage?.zh));
  assert.throws(() => authorize(null, 'admin.operate'), (e) => isAppError(e) && e.code === 'UNAUTHENTICATED');
});

test('notices: a handler addresses their own unit only and never marks urgent; leaders their unit urgently; school leaders everyone', () => {
  const draft = (target: { kind: 'org'; orgUnitId: string } | { kind: 'role'; role: string; orgUnitId?: string }, urgent = false) => ({
    kind: 'notice-draft' as const,
    target,
    urgent,
  });
  assert.equal(can(doctor, 'notice.send', draft({ kind: 'org', orgUnitId: 'hospital' })), true);
  assert.equal(can(doctor, 'notice.send', draft({ kind: 'org', orgUnitId: 'engineering' })), false);
  assert.equal(can(doctor, 'notice.send', draft({ kind: 'role', role: 'counselor' })), false, 'a role university-wide');
  assert.equal(can(doctor, 'notice.send', draft({ kind: 'org', orgUnitId: 'hospital' }, true)), false, 'urgent');
  assert.equal(can(leader, 'notice.send', draft({ kind: 'org', orgUnitId: 'hospital' }, true)), true);
  assert.equal(can(leader, 'notice.send', draft({ kind: 'org', orgUnitId: 'engineering' }, true)), false);
  assert.equal(can(school, 'notice.send', draft({ kind: 'role', role: 'counselor' }, true)), true);
  assert.equal(can(student, 'notice.compose'), false);
});

test('anonymous letter: staff audiences never get the writer, the writer gets no staff names or internal comments', () => {
  const r = letter({ viewerIsWriter: true });
  assert.equal(audienceOf(writer, r), 'applicant');
  assert.deepEqual(fieldsFor('applicant', r), { writerIdentity: true, staffNames: false, internalComments: false });
  for (const viewer of [office, admin]) {
    const audience = audienceOf(viewer, letter());
    assert.equal(fieldsFor(audience, letter()).writerIdentity, false, `${viewer.id} (${audience})`);
  }
  assert.equal(can(writer, 'instance.view', letter()), false, 'not the writer: nothing');
  assert.equal(can(writer, 'instance.view', r), true);
});

test('a wrapper fails closed when its declared action was never authorized', async () => {
  await assert.rejects(runDeclared('admin.operate', async () => 'served', () => true), /never authorized/);
  assert.equal(await runDeclared('admin.operate', async () => (authorize(admin, 'admin.operate'), 'served'), () => true), 'served');
  const { decided } = await recordingDecisions(async () => authorize(admin, 'catalog.manage'));
  assert.deepEqual([...decided], ['catalog.manage']);
});

test('token scopes come from the table: dataset pushes name their dataset, Open311 its own scope, the rest api', () => {
  assert.equal(tokenScopeOf('dataset.push', { dataset: 'grades' }), 'dataset:grades');
  assert.equal(tokenScopeOf('open311.request'), 'open311');
  assert.equal(tokenScopeOf('instance.view'), 'api');
});
