/**
 * 代理 without a database: where the tasks a transition opens go when someone is away
 * (deputies.ts), and who may be whose deputy (deputy-rules.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fitnessTestExemptionV1 } from '../fitness-test-exemption/definition';
import { weekdayCalendar } from './calendar';
import { routeTask, type Deputies } from './deputies';
import { checkOutOfOffice, type DeputyPerson, type OutOfOfficeFacts } from './deputy-rules';
import { isAppError } from './errors';
import type { TaskInsert } from './plan';
import { planStart } from './plan-transition';

const now = new Date('2026-03-02T02:00:00Z');
const CHEN = 'c0000000-0000-4000-8000-000000000001';
const HE = 'c0000000-0000-4000-8000-000000000002';
const ZHAO = 'c0000000-0000-4000-8000-000000000003';
const STUDENT = 'a0000000-0000-4000-8000-000000000009';

const away: Deputies = {
  absences: [{ userId: CHEN, name: '陈老师', deputyId: HE, deputyName: '何老师', deputyOrgUnitId: 'cs', deputyKind: 'staff' }],
  holders: [{ userId: CHEN, role: 'counselor', orgUnitId: 'cs' }],
};
const task = (t: Partial<TaskInsert> = {}): TaskInsert => ({ instanceId: 'i', state: 'counselorReview', role: 'counselor', orgUnitId: 'cs', assigneeId: null, actions: ['approve'], createdAt: now, ...t });

describe('routeTask', () => {
  test('a role task whose only holder is away goes to the deputy, on their behalf', () => {
    const r = routeTask(task(), away, STUDENT);
    assert.deepEqual([r?.task.assigneeId, r?.task.onBehalfOf, r?.route.deputyName, r?.route.forName], [HE, CHEN, '何老师', '陈老师']);
  });

  test('a colleague who is present keeps it in the pool; another unit’s task is untouched', () => {
    const two = { ...away, holders: [...away.holders, { userId: ZHAO, role: 'counselor', orgUnitId: 'cs' }] };
    assert.equal(routeTask(task(), two, STUDENT), null);
    assert.equal(routeTask(task({ orgUnitId: 'agri' }), away, STUDENT), null);
  });

  test('a task named to the absent person goes to the deputy; never to the applicant; never to a deputy who may not hold it', () => {
    assert.equal(routeTask(task({ assigneeId: CHEN, role: 'school_leader', orgUnitId: null }), away, STUDENT), null, 'staff of a unit cannot hold a university-wide role');
    assert.equal(routeTask(task({ assigneeId: CHEN }), away, STUDENT)?.task.assigneeId, HE);
    assert.equal(routeTask(task(), away, HE), null, 'the deputy is the applicant');
    assert.equal(routeTask(task(), { ...away, absences: [{ ...away.absences[0]!, deputyOrgUnitId: 'agri' }] }, STUDENT), null);
  });

  test('planStart: the log entry records who stands in for whom, and the deputy is told', () => {
    const plan = planStart(
      null,
      fitnessTestExemptionV1,
      {
        id: 'i0000000-0000-4000-8000-000000000003',
        form: { kind: 'exempt', reason: '膝关节韧带损伤', evidence: [] },
        title: { zh: 't', en: 't' },
        applicant: { id: STUDENT, orgUnitId: 'cs' },
        actor: { id: STUDENT, roles: [] },
        actorRole: 'applicant',
        actionLabel: { zh: '提交', en: 'Submit' },
        attachments: [],
        calendar: weekdayCalendar,
        deputies: away,
      },
      now,
    );
    assert.equal(plan.tasks.open[0]!.assigneeId, HE);
    assert.deepEqual((plan.event.payload as { deputies: unknown }).deputies, [{ state: 'counselorReview', forId: CHEN, forName: '陈老师', deputyId: HE, deputyName: '何老师' }]);
    assert.deepEqual(plan.messages.map((m) => m.to), [{ userId: HE }]);
  });
});

describe('checkOutOfOffice', () => {
  const person: DeputyPerson = { id: CHEN, name: '陈老师', kind: 'staff', orgUnitId: 'cs', active: true, roles: [{ role: 'counselor', orgUnitId: 'cs' }] };
  const he: DeputyPerson = { id: HE, name: '何老师', kind: 'staff', orgUnitId: 'cs', active: true, roles: [] };
  const ok: OutOfOfficeFacts = { person, deputy: he, startsOn: '2026-03-02', endsOn: '2026-03-06', today: '2026-03-02', deputyAway: null, standsInFor: [] };
  const refused = (f: Partial<OutOfOfficeFacts>, zh: RegExp) =>
    assert.throws(
      () => checkOutOfOffice({ ...ok, ...f }),
      (e: unknown) => isAppError(e) && e.code === 'INVALID_INPUT' && zh.test(e.userMessage?.zh ?? '') && (e.userMessage?.en ?? '').length > 0,
    );

  test('staff of the unit may stand in for its counselor', () => assert.doesNotThrow(() => checkOutOfOffice(ok)));
  test('refused: oneself, another unit, a student, dates backwards or past, too long, no task role', () => {
    refused({ deputy: { ...person } }, /不能指定自己/);
    refused({ deputy: { ...he, orgUnitId: 'agri' } }, /不能代理您的待办/);
    refused({ deputy: { ...he, kind: 'student' } }, /不是在职教职工/);
    refused({ endsOn: '2026-03-01', startsOn: '2026-03-01' }, /结束日期已过/);
    refused({ endsOn: '2026-03-01' }, /不能早于/);
    refused({ endsOn: '2026-09-01' }, /最长/);
    refused({ person: { ...person, roles: [{ role: 'system_admin', orgUnitId: null }] } }, /无需设置代理/);
  });
  test('no chains or loops: a deputy who is away then, or someone who stands in for another then', () => {
    refused({ deputyAway: { userId: HE, name: '何老师', deputyId: ZHAO, startsOn: '2026-03-05', endsOn: '2026-03-08' } }, /也不在岗/);
    assert.doesNotThrow(() => checkOutOfOffice({ ...ok, deputyAway: { userId: HE, name: '何老师', deputyId: ZHAO, startsOn: '2026-03-07', endsOn: '2026-03-08' } }));
    refused({ standsInFor: [{ userId: ZHAO, name: '赵老师', deputyId: CHEN, startsOn: '2026-03-01', endsOn: '2026-03-03' }] }, /您是 赵老师 .* 的代理人/);
  });
});
