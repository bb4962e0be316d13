import { assign, setup } from 'xstate';
import { cancelAction, eventDay, finals, reviewActions, revisingMeta, weekdaysBetween, withdrawAction } from '../common/actions';
import type { Label, StateMeta, WorkflowEvent } from '../engine/types';
import type { CadreLeaveForm, ReportBack } from './form';

/** Leave longer than this many working days also needs the school leader in charge. */
export const LONG_LEAVE_WORKING_DAYS = 3;

type Context = { form: CadreLeaveForm; applicantId: string; reminders?: number; returnedOn?: string };

/**
 * Cadre → 部门负责人 → (long leave: 分管校领导) → 组织部 files it → on leave → 销假.
 * 1 working day after the end date without 销假, the applicant is reminded.
 */
/** The guards below in words, for the diagrams (workflows/labels). */
export const cadreLeaveGuardLabels: Record<string, Label> = {
  isLongLeave: { zh: `请假超过 ${LONG_LEAVE_WORKING_DAYS} 个工作日`, en: `Leave over ${LONG_LEAVE_WORKING_DAYS} working days` },
  notStarted: { zh: '假期尚未开始', en: 'Before the leave begins' },
};

const deptLeaderV1: StateMeta = {
  label: { zh: '部门负责人审批', en: 'Department leader approval' },
  task: { role: 'dept_leader', scope: { kind: 'applicant-org' }, actions: reviewActions('同意', 'Approve'), dueInWorkingDays: 2 },
  applicantActions: [withdrawAction],
};
const schoolLeaderV1: StateMeta = {
  label: { zh: '分管校领导审批', en: 'School leader approval' },
  task: { role: 'school_leader', scope: { kind: 'global' }, actions: reviewActions('同意', 'Approve'), dueInWorkingDays: 2 },
};

/**
 * v2: any leader of the applicant's department may approve (或签: the first one decides), and a
 * long leave goes to the school leaders in turn (依次: each agrees, one after the other).
 */
const deptLeaderV2: StateMeta = {
  ...deptLeaderV1,
  task: { ...deptLeaderV1.task!, group: { mode: 'any', approve: 'approve' } },
};
const schoolLeaderV2: StateMeta = {
  label: { zh: '校领导依次审批', en: 'School leaders approve in turn' },
  task: { ...schoolLeaderV1.task!, group: { mode: 'sequence', approve: 'approve' } },
};

const buildMachine = (deptLeader: StateMeta, schoolLeader: StateMeta) => setup({
  types: { context: {} as Context, input: {} as Context, events: {} as WorkflowEvent },
  actions: {
    // A reminder changes nothing but the count: the transition is still recorded and audited.
    countReminder: assign({ reminders: ({ context }) => (context.reminders ?? 0) + 1 }),
    keepReturnDate: assign({ returnedOn: ({ event }) => (event.input as ReportBack | undefined)?.returnedOn }),
    keepRevisedForm: assign({ form: ({ context, event }) => (event.input as CadreLeaveForm | undefined) ?? context.form }),
  },
  guards: {
    // Working days on the university calendar (a leave over 国庆 counts only its working days);
    // Monday–Friday only where no engine supplies the calendar (pure path tests).
    isLongLeave: ({ context, event }) =>
      (event.workingDays ?? weekdaysBetween)(context.form.startDate, context.form.endDate) > LONG_LEAVE_WORKING_DAYS,
    notStarted: ({ context, event }) => eventDay(event) < context.form.startDate,
  },
}).createMachine({
  id: 'cadre-leave',
  initial: 'deptLeaderReview',
  context: ({ input }) => ({ form: input.form, applicantId: input.applicantId }),
  states: {
    deptLeaderReview: {
      meta: deptLeader,
      on: {
        approve: [{ guard: 'isLongLeave', target: 'schoolLeaderReview' }, { target: 'orgFiling' }],
        return: 'revising',
        reject: 'rejected',
        withdraw: 'withdrawn',
      },
    },
    schoolLeaderReview: {
      meta: schoolLeader,
      on: { approve: 'orgFiling', return: 'revising', reject: 'rejected' },
    },
    orgFiling: {
      meta: {
        label: { zh: '组织部备案', en: 'Filing by the Organization Department' },
        task: {
          role: 'handler',
          scope: { kind: 'org', orgUnitId: 'org-dept' },
          actions: [{ type: 'file', label: { zh: '备案', en: 'File' }, tone: 'primary' }],
          dueInWorkingDays: 2,
        },
      } satisfies StateMeta,
      on: { file: 'onLeave' },
    },
    onLeave: {
      meta: {
        label: { zh: '休假中，待销假', en: 'On leave, to report back' },
        task: {
          role: 'applicant',
          scope: { kind: 'applicant' },
          actions: [{ type: 'reportBack', label: { zh: '销假', en: 'Report back' }, tone: 'primary' }],
        },
        applicantActions: [cancelAction],
        timers: [
          {
            event: 'REMIND',
            delay: { workingDays: 1 },
            from: (c) => (c as Context).form.endDate,
            remind: 'applicant',
            label: { zh: '假期结束 1 个工作日后仍未销假', en: 'Not reported back 1 working day after the leave' },
          },
        ],
      } satisfies StateMeta,
      on: {
        reportBack: { target: 'closed', actions: 'keepReturnDate' },
        // Plans change: a leave not yet begun can be called off.
        cancel: { guard: 'notStarted', target: 'cancelled' },
        REMIND: { actions: 'countReminder' },
      },
    },
    revising: {
      meta: revisingMeta,
      on: { resubmit: { target: 'deptLeaderReview', actions: 'keepRevisedForm' }, withdraw: 'withdrawn' },
    },
    closed: { type: 'final', meta: { label: { zh: '已销假', en: 'Reported back' }, outcome: 'completed' } satisfies StateMeta },
    rejected: { type: 'final', meta: finals.rejected },
    withdrawn: { type: 'final', meta: finals.withdrawn },
    cancelled: { type: 'final', meta: finals.cancelled },
  },
});

export const cadreLeaveMachine = buildMachine(deptLeaderV1, schoolLeaderV1);
export const cadreLeaveMachineV2 = buildMachine(deptLeaderV2, schoolLeaderV2);
