import { assign, setup } from 'xstate';
import { finals, reviewActions, revisingMeta, withdrawAction } from './actions';
import { isPoorRatingEvent } from './poor-rating';
import { confirmingMeta, rateOrReopen, reopenedRepairState, repairFinals, type Rating } from './repair';
import type { Label, StateMeta, WorkflowEvent } from '../engine/types';

type Context = { form: Record<string, unknown>; applicantId: string; rating?: Rating; reminders?: number };

/**
 * Requester reports → the owning department reviews (approve / return / reject) → it does the
 * work → the requester confirms (rating) or reopens. Used by 家具维修 (资产管理处) and 消防器材 (保卫处).
 * `reopenOnPoorRating` (v2): a 差评 reopens it for the department (workflows/common/poor-rating.ts).
 */
export function simpleRepairMachine(m: { id: string; orgUnitId: string; review: Label; work: Label; workDone: Label; reopenOnPoorRating?: boolean }) {
  const scope = { kind: 'org' as const, orgUnitId: m.orgUnitId };
  return setup({
    types: { context: {} as Context, input: {} as Context, events: {} as WorkflowEvent },
    guards: { poorRating: ({ event }) => isPoorRatingEvent(event) },
    actions: {
    // A reminder changes nothing but the count: the transition is still recorded and audited.
    countReminder: assign({ reminders: ({ context }) => (context.reminders ?? 0) + 1 }),
      keepRevisedForm: assign({ form: ({ context, event }) => (event.input as Record<string, unknown> | undefined) ?? context.form }),
      recordRating: assign({ rating: ({ event }) => event.input as Rating }),
    },
  }).createMachine({
    id: m.id,
    initial: 'review',
    context: ({ input }) => ({ form: input.form, applicantId: input.applicantId }),
    states: {
      review: {
        meta: {
          label: m.review,
          task: { role: 'handler', scope, actions: reviewActions('受理', 'Accept'), dueInWorkingDays: 2 },
          applicantActions: [withdrawAction],
        } satisfies StateMeta,
        on: { approve: 'working', return: 'revising', reject: 'rejected', withdraw: 'withdrawn' },
      },
      working: {
        meta: {
          label: m.work,
          task: { role: 'handler', scope, actions: [{ type: 'done', label: m.workDone, tone: 'primary' }], dueInWorkingDays: 5 },
          timers: [{ event: 'REMIND', delay: { workingDays: 5 }, remind: 'task' }],
        } satisfies StateMeta,
        on: { done: 'confirming', REMIND: { actions: 'countReminder' } },
      },
      confirming: {
        meta: confirmingMeta('待验收确认', 'To be accepted'),
        on: { confirm: m.reopenOnPoorRating ? rateOrReopen : { target: 'closed', actions: 'recordRating' }, reopen: 'working', AUTO_CLOSE: 'closed' },
      },
      ...(m.reopenOnPoorRating ? { reopened: reopenedRepairState(scope) } : {}),
      revising: {
        meta: revisingMeta,
        on: { resubmit: { target: 'review', actions: 'keepRevisedForm' }, withdraw: 'withdrawn' },
      },
      closed: { type: 'final', meta: repairFinals.closed },
      rejected: { type: 'final', meta: repairFinals.rejected },
      withdrawn: { type: 'final', meta: finals.withdrawn },
    },
  });
}
