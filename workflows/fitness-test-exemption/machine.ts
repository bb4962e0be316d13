import { assign, setup } from 'xstate';
import type { StateMeta, WorkflowEvent } from '../engine/types';
import type { FitnessForm } from './form';

const review = (zh: string, en: string) => [
  { type: 'approve', label: { zh, en }, tone: 'primary' as const },
  { type: 'return', label: { zh: '退回修改', en: 'Return for revision' }, requiresComment: true, tone: 'neutral' as const },
  { type: 'reject', label: { zh: '不同意', en: 'Reject' }, requiresComment: true, tone: 'danger' as const },
];

const withdraw = [{ type: 'withdraw', label: { zh: '撤回申请', en: 'Withdraw' }, tone: 'neutral' as const }];

/**
 * Student → counselor of their college verifies → 校医院 verifies → 体育部 decides.
 * A return goes back to the student with the form kept; withdrawal only before the first decision.
 */
export const fitnessMachine = setup({
  types: {
    context: {} as { form: FitnessForm; applicantId: string; decision?: string },
    input: {} as { form: FitnessForm; applicantId: string },
    events: {} as WorkflowEvent,
  },
  actions: {
    keepRevisedForm: assign({ form: ({ context, event }) => (event.input as FitnessForm | undefined) ?? context.form }),
    recordDecision: assign({ decision: ({ event }) => event.type }),
  },
}).createMachine({
  id: 'fitness-test-exemption',
  initial: 'counselorReview',
  context: ({ input }) => ({ form: input.form, applicantId: input.applicantId }),
  states: {
    counselorReview: {
      meta: {
        label: { zh: '辅导员核实', en: 'Counselor verification' },
        task: {
          role: 'counselor',
          scope: { kind: 'applicant-org' },
          actions: review('核实通过', 'Verify'),
          dueInWorkingDays: 3,
          // Start of term brings hundreds; each carries a medical certificate to look at first.
          batch: { action: 'approve', confirmAttachments: true },
        },
        applicantActions: withdraw,
      } satisfies StateMeta,
      on: { approve: 'hospitalReview', return: 'revising', reject: 'rejected', withdraw: 'withdrawn' },
    },
    hospitalReview: {
      meta: {
        label: { zh: '校医院核实', en: 'University hospital verification' },
        task: {
          role: 'handler',
          scope: { kind: 'org', orgUnitId: 'hospital' },
          actions: review('核实通过', 'Verify'),
          dueInWorkingDays: 3,
        },
      } satisfies StateMeta,
      on: { approve: 'sportsDecision', return: 'revising', reject: 'rejected' },
    },
    sportsDecision: {
      meta: {
        label: { zh: '体育部审批', en: 'PE department decision' },
        task: {
          role: 'handler',
          scope: { kind: 'org', orgUnitId: 'sports' },
          actions: review('批准', 'Approve'),
          dueInWorkingDays: 3,
        },
      } satisfies StateMeta,
      on: {
        approve: { target: 'approved', actions: 'recordDecision' },
        return: 'revising',
        reject: { target: 'rejected', actions: 'recordDecision' },
      },
    },
    revising: {
      meta: {
        label: { zh: '退回修改', en: 'Returned for revision' },
        task: {
          role: 'applicant',
          scope: { kind: 'applicant' },
          actions: [
            { type: 'resubmit', label: { zh: '重新提交', en: 'Resubmit' }, tone: 'primary' },
            ...withdraw,
          ],
        },
      } satisfies StateMeta,
      on: { resubmit: { target: 'counselorReview', actions: 'keepRevisedForm' }, withdraw: 'withdrawn' },
    },
    approved: {
      type: 'final',
      meta: {
        label: { zh: '已批准', en: 'Approved' },
        outcome: 'completed',
        // The counselor who verified it learns the decision (抄送: informed, nothing to do).
        cc: [{ role: 'counselor', scope: { kind: 'applicant-org' } }],
      } satisfies StateMeta,
    },
    rejected: {
      type: 'final',
      meta: { label: { zh: '未批准', en: 'Rejected' }, outcome: 'rejected' } satisfies StateMeta,
    },
    withdrawn: {
      type: 'final',
      meta: { label: { zh: '已撤回', en: 'Withdrawn' }, outcome: 'withdrawn' } satisfies StateMeta,
    },
  },
});
