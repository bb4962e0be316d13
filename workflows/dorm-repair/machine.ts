import { assign, setup } from 'xstate';
import { finals, withdrawAction } from '../common/actions';
import { isPoorRatingEvent } from '../common/poor-rating';
import { confirmingMeta, rateOrReopen, reopenedRepairState, repairFinals, type Rating } from '../common/repair';
import type { StateMeta, WorkflowEvent } from '../engine/types';
import type { DormRepairForm, RepairVisit } from './form';

type Context = { form: DormRepairForm; applicantId: string; rating?: Rating; reopened?: number; reminders?: number; visit?: RepairVisit };

const logistics = { kind: 'org' as const, orgUnitId: 'logistics' };

/**
 * Student reports → 后勤处 dispatches (noting who will come and when, if known), which hands the
 * job to the maintenance system (signed webhook from the outbox) → the system's callback may name
 * the worker and the visit (`assigned`), then (or 后勤处 by hand) reports it done →
 * the student confirms and rates, or reopens it. `reopenOnPoorRating` (v2): a 差评 reopens it
 * for 后勤处, which answers (or dispatches a worker again) within 5 working days.
 */
const buildDormRepairMachine = (reopenOnPoorRating: boolean) => setup({
  types: { context: {} as Context, input: {} as Context, events: {} as WorkflowEvent },
  guards: { poorRating: ({ event }) => isPoorRatingEvent(event) },
  actions: {
    // A reminder changes nothing but the count: the transition is still recorded and audited.
    countReminder: assign({ reminders: ({ context }) => (context.reminders ?? 0) + 1 }),
    recordRating: assign({ rating: ({ event }) => event.input as Rating }),
    countReopen: assign({ reopened: ({ context }) => (context.reopened ?? 0) + 1 }),
    recordVisit: assign({ visit: ({ event }) => event.input as RepairVisit }),
  },
}).createMachine({
  id: 'dorm-repair',
  initial: 'dispatch',
  context: ({ input }) => ({ form: input.form, applicantId: input.applicantId }),
  states: {
    dispatch: {
      meta: {
        label: { zh: '后勤处派单', en: 'Dispatch by Logistics' },
        task: {
          role: 'handler',
          scope: logistics,
          actions: [
            { type: 'dispatch', label: { zh: '派单维修', en: 'Dispatch' }, tone: 'primary' },
            { type: 'reject', label: { zh: '不予受理', en: 'Decline' }, requiresComment: true, tone: 'danger' },
          ],
          dueInWorkingDays: 1,
        },
        applicantActions: [withdrawAction],
      } satisfies StateMeta,
      on: { dispatch: 'repairing', reject: 'rejected', withdraw: 'withdrawn' },
    },
    repairing: {
      meta: {
        label: { zh: '维修中', en: 'Being repaired' },
        // The maintenance system's callback sends `done`; 后勤处 can record it by hand too.
        task: {
          role: 'handler',
          scope: logistics,
          actions: [{ type: 'done', label: { zh: '维修完成', en: 'Repaired' }, tone: 'primary' }],
          dueInWorkingDays: 3,
        },
        effects: [{ kind: 'handOff', hook: 'dorm-repair' }],
        timers: [{ event: 'REMIND', delay: { workingDays: 3 }, remind: 'task' }],
      } satisfies StateMeta,
      // `assigned`: the maintenance system names the worker and the visit; the repair goes on.
      on: { done: 'confirming', assigned: { actions: 'recordVisit' }, REMIND: { actions: 'countReminder' } },
    },
    confirming: {
      meta: confirmingMeta('待确认评价', 'Confirm and rate'),
      on: {
        confirm: reopenOnPoorRating ? rateOrReopen : { target: 'closed', actions: 'recordRating' },
        reopen: { target: 'dispatch', actions: 'countReopen' },
        AUTO_CLOSE: 'closed',
      },
    },
    ...(reopenOnPoorRating
      ? { reopened: reopenedRepairState(logistics, { actions: [{ type: 'dispatch', label: { zh: '重新派单维修', en: 'Dispatch again' }, tone: 'neutral' }], on: { dispatch: 'repairing' } }) }
      : {}),
    closed: { type: 'final', meta: repairFinals.closed },
    rejected: { type: 'final', meta: repairFinals.rejected },
    withdrawn: { type: 'final', meta: finals.withdrawn },
  },
});

export const dormRepairMachine = buildDormRepairMachine(false);
export const dormRepairMachineV2 = buildDormRepairMachine(true);
