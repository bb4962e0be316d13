import type { Label, StateMeta, TaskOperation } from './types';

/** Every approval operation, in the order the task page offers them. */
export const TASK_OPERATIONS: readonly TaskOperation[] = ['transfer', 'delegate', 'addSigner', 'withdraw', 'urge'];

/**
 * What a step offers when its meta says nothing: every operation on a step someone other than the
 * applicant works (an approval step), none on the applicant's own step (补正) or a step without a task.
 */
export function operationsOf(meta: StateMeta | undefined): readonly TaskOperation[] {
  if (meta?.operations) return meta.operations;
  if (!meta?.task || meta.task.role === 'applicant') return [];
  // A group step (会签/或签/依次) names each member: handing a member's task to someone else
  // (转办, 加签) could give one person two votes, so by default members only ask for opinions.
  if (meta.task.group) return GROUP_OPERATIONS;
  return TASK_OPERATIONS;
}

/** What a group step offers when its meta says nothing. */
export const GROUP_OPERATIONS: readonly TaskOperation[] = ['delegate', 'withdraw', 'urge'];

export function allows(meta: StateMeta | undefined, op: TaskOperation): boolean {
  return operationsOf(meta).includes(op);
}

/** How people call each operation (the admin diagram's table, refusals). */
export const OPERATION_LABELS: Record<TaskOperation, Label> = {
  transfer: { zh: '转办', en: 'Transfer' },
  delegate: { zh: '委派', en: 'Delegate' },
  addSigner: { zh: '加签', en: 'Add a signer' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  urge: { zh: '催办', en: 'Urge' },
};
