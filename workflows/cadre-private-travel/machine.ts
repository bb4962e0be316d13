import { assign, setup } from 'xstate';
import { cancelAction, finals, reviewActions, revisingMeta, withdrawAction } from '../common/actions';
import type { StateMeta, TaskAction, WorkflowEvent } from '../engine/types';
import type { PrivateTravelForm } from './form';

type Context = { form: PrivateTravelForm; applicantId: string; reminders?: number };

/** Days after the trip's end within which the passport must be handed back. */
export const PASSPORT_RETURN_DAYS = 10;

const orgTask = (actions: TaskAction[], dueInWorkingDays?: number) => ({
  role: 'handler',
  scope: { kind: 'org' as const, orgUnitId: 'org-dept' },
  actions,
  dueInWorkingDays,
});
const receive: TaskAction = { type: 'receivePassport', label: { zh: '证照已交回', en: 'Passport returned' }, tone: 'primary' };

/**
 * 部门负责人 → 组织部审核 → 校领导审批 → 组织部发放证照 → trip → 证照交回 within 10 days of
 * the return: a reminder 3 days before the limit, then escalation to 组织部 when it passes.
 */
const schoolLeaderV1: StateMeta = {
  label: { zh: '校领导审批', en: 'School leader approval' },
  task: { role: 'school_leader', scope: { kind: 'global' }, actions: reviewActions('批准', 'Approve'), dueInWorkingDays: 3 },
};

/** v2: the school leaders approve together (会签): every one of them must agree. */
const schoolLeaderV2: StateMeta = {
  label: { zh: '校领导会签', en: 'School leaders sign together' },
  task: { ...schoolLeaderV1.task!, group: { mode: 'all', approve: 'approve' } },
};

const buildMachine = (schoolLeader: StateMeta) => setup({
  types: { context: {} as Context, input: {} as Context, events: {} as WorkflowEvent },
  actions: {
    // A reminder changes nothing but the count: the transition is still recorded and audited.
    countReminder: assign({ reminders: ({ context }) => (context.reminders ?? 0) + 1 }),
    keepRevisedForm: assign({ form: ({ context, event }) => (event.input as PrivateTravelForm | undefined) ?? context.form }),
  },
}).createMachine({
  id: 'cadre-private-travel',
  initial: 'deptLeaderReview',
  context: ({ input }) => ({ form: input.form, applicantId: input.applicantId }),
  states: {
    deptLeaderReview: {
      meta: {
        label: { zh: '部门负责人审核', en: 'Department leader review' },
        task: { role: 'dept_leader', scope: { kind: 'applicant-org' }, actions: reviewActions('同意', 'Approve'), dueInWorkingDays: 3 },
        applicantActions: [withdrawAction],
      } satisfies StateMeta,
      on: { approve: 'orgReview', return: 'revising', reject: 'rejected', withdraw: 'withdrawn' },
    },
    orgReview: {
      meta: { label: { zh: '组织部审核', en: 'Organization Department review' }, task: orgTask(reviewActions('审核通过', 'Pass'), 3) } satisfies StateMeta,
      on: { approve: 'schoolLeaderApproval', return: 'revising', reject: 'rejected' },
    },
    schoolLeaderApproval: {
      meta: schoolLeader,
      on: { approve: 'passportIssue', return: 'revising', reject: 'rejected' },
    },
    passportIssue: {
      meta: {
        label: { zh: '证照领取', en: 'Passport collection' },
        task: orgTask([{ type: 'issuePassport', label: { zh: '已发放证照', en: 'Passport issued' }, tone: 'primary' }], 3),
        applicantActions: [cancelAction],
      } satisfies StateMeta,
      on: { issuePassport: 'awaitingReturn', cancel: 'cancelled' },
    },
    awaitingReturn: {
      meta: {
        label: { zh: '待交回证照', en: 'Passport to be returned' },
        task: orgTask([receive]),
        timers: [
          {
            event: 'REMIND',
            delay: { days: PASSPORT_RETURN_DAYS - 3 },
            from: (c) => (c as Context).form.endDate,
            remind: 'applicant',
            label: { zh: `回国 ${PASSPORT_RETURN_DAYS - 3} 天后仍未交回证照`, en: `Passport not returned ${PASSPORT_RETURN_DAYS - 3} days after the trip` },
          },
          {
            event: 'ESCALATE',
            delay: { days: PASSPORT_RETURN_DAYS },
            from: (c) => (c as Context).form.endDate,
            label: { zh: `回国超过 ${PASSPORT_RETURN_DAYS} 天未交回证照`, en: `Passport not returned within ${PASSPORT_RETURN_DAYS} days of the trip` },
            deadline: { zh: `交回证照（回国后 ${PASSPORT_RETURN_DAYS} 日内）`, en: `Return the passport (within ${PASSPORT_RETURN_DAYS} days of the trip)` },
          },
        ],
      } satisfies StateMeta,
      on: { receivePassport: 'closed', REMIND: { actions: 'countReminder' }, ESCALATE: 'returnOverdue' },
    },
    returnOverdue: {
      meta: {
        label: { zh: '证照逾期未交回', en: 'Passport overdue' },
        task: orgTask([receive], 1),
        timers: [{ event: 'REMIND', delay: { workingDays: 3 }, remind: 'applicant' }],
      } satisfies StateMeta,
      on: { receivePassport: 'closed', REMIND: { actions: 'countReminder' } },
    },
    revising: {
      meta: revisingMeta,
      on: { resubmit: { target: 'deptLeaderReview', actions: 'keepRevisedForm' }, withdraw: 'withdrawn' },
    },
    closed: { type: 'final', meta: { label: { zh: '证照已交回，办结', en: 'Passport returned, closed' }, outcome: 'completed' } satisfies StateMeta },
    rejected: { type: 'final', meta: finals.rejected },
    withdrawn: { type: 'final', meta: finals.withdrawn },
    cancelled: { type: 'final', meta: finals.cancelled },
  },
});

export const privateTravelMachine = buildMachine(schoolLeaderV1);
export const privateTravelMachineV2 = buildMachine(schoolLeaderV2);
