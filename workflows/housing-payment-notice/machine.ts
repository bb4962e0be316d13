import { assign, setup } from 'xstate';
import type { StateMeta, TaskAction, TimerMeta, WorkflowEvent } from '../engine/types';
import type { HousingNoticeForm } from './form';

type Context = { form: HousingNoticeForm; applicantId: string; reminders?: number };

const markPaid: TaskAction = { type: 'markPaid', label: { zh: '已缴费，上传凭证', en: 'Paid: upload receipt' }, tone: 'primary' };
// One working day after the due date, and again every time the tenant lands back in a waiting state.
const overdue: TimerMeta = {
  event: 'REMIND',
  delay: { workingDays: 1 },
  from: (c) => (c as Context).form.dueDate,
  remind: 'applicant',
  label: { zh: '缴费截止 1 个工作日后仍未缴费', en: 'Not paid 1 working day after the due date' },
};
const tenant = { role: 'applicant', scope: { kind: 'applicant' as const } };

/** 资产管理处 issues → tenant acknowledges → marks paid with a receipt → 资产管理处 confirms. */
export const housingNoticeMachine = setup({
  types: { context: {} as Context, input: {} as Context, events: {} as WorkflowEvent },
  actions: {
    // A reminder changes nothing but the count: the transition is still recorded and audited.
    countReminder: assign({ reminders: ({ context }) => (context.reminders ?? 0) + 1 }),
  },
}).createMachine({
  id: 'housing-payment-notice',
  initial: 'notified',
  context: ({ input }) => ({ form: input.form, applicantId: input.applicantId }),
  states: {
    notified: {
      meta: {
        label: { zh: '待确认通知', en: 'Notice to acknowledge' },
        task: { ...tenant, actions: [{ type: 'acknowledge', label: { zh: '确认收到', en: 'Acknowledge' }, tone: 'primary' }, markPaid] },
        timers: [overdue],
      } satisfies StateMeta,
      on: { acknowledge: 'awaitingPayment', markPaid: 'confirming', REMIND: { actions: 'countReminder' } },
    },
    awaitingPayment: {
      meta: { label: { zh: '待缴费', en: 'Awaiting payment' }, task: { ...tenant, actions: [markPaid] }, timers: [overdue] } satisfies StateMeta,
      on: { markPaid: 'confirming', REMIND: { actions: 'countReminder' } },
    },
    confirming: {
      meta: {
        label: { zh: '资产管理处确认到账', en: 'Assets office confirms payment' },
        task: {
          role: 'handler',
          scope: { kind: 'org', orgUnitId: 'assets' },
          actions: [
            { type: 'confirm', label: { zh: '确认到账', en: 'Confirm payment' }, tone: 'primary' },
            { type: 'return', label: { zh: '凭证有误，退回', en: 'Receipt not valid: return' }, requiresComment: true, tone: 'neutral' },
          ],
          dueInWorkingDays: 3,
        },
      } satisfies StateMeta,
      on: { confirm: 'paid', return: 'awaitingPayment' },
    },
    paid: { type: 'final', meta: { label: { zh: '已缴费', en: 'Paid' }, outcome: 'completed' } satisfies StateMeta },
  },
});
