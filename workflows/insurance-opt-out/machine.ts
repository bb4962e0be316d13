import { assign, setup } from 'xstate';
import { finals, revisingMeta, withdrawAction } from '../common/actions';
import type { StateMeta, WorkflowEvent } from '../engine/types';
import type { InsuranceForm } from './form';

type Context = { form: InsuranceForm; applicantId: string };

/** Student uploads the proof of insurance → 校医院 registers it or returns it for a better proof. */
export const insuranceMachine = setup({
  types: { context: {} as Context, input: {} as Context, events: {} as WorkflowEvent },
  actions: {
    keepRevisedForm: assign({ form: ({ context, event }) => (event.input as InsuranceForm | undefined) ?? context.form }),
  },
}).createMachine({
  id: 'insurance-opt-out',
  initial: 'hospitalReview',
  context: ({ input }) => ({ form: input.form, applicantId: input.applicantId }),
  states: {
    hospitalReview: {
      meta: {
        label: { zh: '校医院登记', en: 'University hospital registration' },
        task: {
          role: 'handler',
          scope: { kind: 'org', orgUnitId: 'hospital' },
          actions: [
            { type: 'register', label: { zh: '登记', en: 'Register' }, tone: 'primary' },
            { type: 'return', label: { zh: '退回修改', en: 'Return for revision' }, requiresComment: true, tone: 'neutral' },
          ],
          dueInWorkingDays: 5,
        },
        applicantActions: [withdrawAction],
      } satisfies StateMeta,
      on: { register: 'registered', return: 'revising', withdraw: 'withdrawn' },
    },
    revising: {
      meta: revisingMeta,
      on: { resubmit: { target: 'hospitalReview', actions: 'keepRevisedForm' }, withdraw: 'withdrawn' },
    },
    registered: { type: 'final', meta: { label: { zh: '已登记不参保', en: 'Registered' }, outcome: 'completed' } satisfies StateMeta },
    withdrawn: { type: 'final', meta: finals.withdrawn },
  },
});
