import { assign, setup } from 'xstate';
import { eventDay, finals, withdrawAction } from '../common/actions';
import type { Label, StateMeta, TaskAction, WorkflowEvent } from '../engine/types';
import type { CityReportForm } from './form';

type Context = { form: CityReportForm; applicantId: string; reminders?: number };

const editAction: TaskAction = { type: 'edit', label: { zh: '修改报备', en: 'Edit report' }, tone: 'neutral' };

/**
 * A report, not an approval: 组织部 acknowledges it. The cadre may edit or withdraw it until the
 * trip starts (the engine stamps each event with its time); an edit needs a fresh acknowledgement.
 * An acknowledgement still missing after 2 working days reminds 组织部.
 */
/** The guards below in words, for the diagrams (workflows/labels). */
export const cityReportGuardLabels: Record<string, Label> = {
  notStarted: { zh: '行程尚未开始', en: 'Before the trip begins' },
};

export const cityReportMachine = setup({
  types: { context: {} as Context, input: {} as Context, events: {} as WorkflowEvent },
  actions: {
    // A reminder changes nothing but the count: the transition is still recorded and audited.
    countReminder: assign({ reminders: ({ context }) => (context.reminders ?? 0) + 1 }),
    keepEditedForm: assign({ form: ({ context, event }) => (event.input as CityReportForm | undefined) ?? context.form }),
  },
  guards: {
    notStarted: ({ context, event }) => eventDay(event) < context.form.startDate,
  },
}).createMachine({
  id: 'cadre-leave-city-report',
  initial: 'awaitingAck',
  context: ({ input }) => ({ form: input.form, applicantId: input.applicantId }),
  states: {
    awaitingAck: {
      meta: {
        label: { zh: '待组织部确认', en: 'Awaiting acknowledgement' },
        task: {
          role: 'handler',
          scope: { kind: 'org', orgUnitId: 'org-dept' },
          actions: [{ type: 'acknowledge', label: { zh: '确认收到', en: 'Acknowledge' }, tone: 'primary' }],
          dueInWorkingDays: 2,
        },
        applicantActions: [editAction, withdrawAction],
        timers: [{ event: 'REMIND', delay: { workingDays: 2 }, remind: 'task' }],
      } satisfies StateMeta,
      on: {
        acknowledge: 'acknowledged',
        edit: { guard: 'notStarted', target: 'awaitingAck', reenter: true, actions: 'keepEditedForm' },
        withdraw: { guard: 'notStarted', target: 'withdrawn' },
        REMIND: { actions: 'countReminder' },
      },
    },
    acknowledged: {
      meta: {
        label: { zh: '组织部已确认', en: 'Acknowledged' },
        applicantActions: [editAction, withdrawAction],
        timers: [
          { event: 'TRIP_OVER', delay: { days: 0 }, from: (c) => (c as Context).form.endDate, label: { zh: '行程结束', en: 'Trip over' } },
        ],
      } satisfies StateMeta,
      on: {
        edit: { guard: 'notStarted', target: 'awaitingAck', actions: 'keepEditedForm' },
        withdraw: { guard: 'notStarted', target: 'withdrawn' },
        TRIP_OVER: 'closed',
      },
    },
    closed: { type: 'final', meta: { label: { zh: '已归档', en: 'Closed' }, outcome: 'completed' } satisfies StateMeta },
    withdrawn: { type: 'final', meta: finals.withdrawn },
  },
});
