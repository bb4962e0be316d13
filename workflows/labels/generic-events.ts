import type { Label } from '../engine/types';

/**
 * Words for events that are the same in every process: the applicant's own, the engine's and
 * the integrations'. A state's own action label (e.g. 核实通过 for `approve`) wins over these.
 */
export const GENERIC_EVENT_LABELS: Record<string, Label> = {
  submit: { zh: '提交申请', en: 'Submitted' },
  issue: { zh: '发出通知', en: 'Notice issued' },
  resubmit: { zh: '修改后重新提交', en: 'Resubmitted' },
  withdraw: { zh: '撤回申请', en: 'Withdrawn' },
  cancel: { zh: '取消', en: 'Cancelled' },
  approve: { zh: '同意', en: 'Approved' },
  reject: { zh: '不同意', en: 'Rejected' },
  return: { zh: '退回修改', en: 'Returned for revision' },
  REMIND: { zh: '系统提醒', en: 'Reminder' },
  ESCALATE: { zh: '超时督办', en: 'Escalated' },
  EXPIRE: { zh: '超时关闭', en: 'Expired' },
  done: { zh: '维修系统报告完成', en: 'Reported done by the maintenance system' },
  assigned: { zh: '维修系统已派工', en: 'Worker assigned by the maintenance system' },
  edit: { zh: '修改报备', en: 'Edited' },
  TRIP_OVER: { zh: '行程结束，自动归档', en: 'Trip over, closed' },
  AUTO_CLOSE: { zh: '逾期未确认，自动完成', en: 'Closed without confirmation' },
  // What administrators do to an instance (lib/admin operations), as the event log shows it.
  'admin.cancel': { zh: '管理员取消', en: 'Cancelled by an administrator' },
  'admin.reassign': { zh: '管理员转派待办', en: 'Task reassigned by an administrator' },
  'admin.migrate': { zh: '迁移到新版本', en: 'Moved to a new version' },
  // Approval operations on a task (workflows/engine/plan-task-ops.ts): the step stays, the task moves.
  'task.transfer': { zh: '转办', en: 'Transferred' },
  'task.delegate': { zh: '委派征求意见', en: 'Delegated for an opinion' },
  'task.delegate.answer': { zh: '回复意见', en: 'Opinion given' },
  'task.withdraw': { zh: '撤回审批', en: 'Approval taken back' },
  'task.sign.before': { zh: '前加签', en: 'Signer added before' },
  'task.sign.after': { zh: '后加签', en: 'Signer added after' },
  'task.sign': { zh: '会签', en: 'Signed' },
  'task.sign.remove': { zh: '减签', en: 'Signer removed' },
  'instance.withdraw': { zh: '撤回申请', en: 'Application withdrawn' },
  'instance.urge': { zh: '催办', en: 'Urged' },
  // The issuing office reminds the recipient of an issued notice (plan-remind.ts).
  'instance.remind': { zh: '催缴提醒', en: 'Reminder sent' },
  // 抄送 by a task holder (plan-copy.ts): the instance does not move.
  copy: { zh: '抄送', en: 'Copied' },
  // An eventless transition: taken as soon as its condition holds.
  always: { zh: '自动', en: 'Automatically' },
};

/**
 * What an event left behind, as a message title says it (体测免测申请 · 辅导员核实 · 已通过):
 * the outcome, not the button. An event missing here reads as its action label.
 */
export const GENERIC_OUTCOME_LABELS: Record<string, Label> = {
  submit: { zh: '已提交', en: 'submitted' },
  resubmit: { zh: '已重新提交', en: 'resubmitted' },
  approve: { zh: '已通过', en: 'approved' },
  reject: { zh: '未通过', en: 'not approved' },
  return: { zh: '退回修改', en: 'returned for revision' },
  withdraw: { zh: '已撤回', en: 'withdrawn' },
  cancel: { zh: '已取消', en: 'cancelled' },
  EXPIRE: { zh: '超时关闭', en: 'closed (expired)' },
  AUTO_CLOSE: { zh: '逾期未确认，自动完成', en: 'closed without confirmation' },
};

/** The outcome words of an event (above), else the label of the action people clicked. */
export function outcomeLabel(type: string, actionLabel: Label): Label {
  return GENERIC_OUTCOME_LABELS[type] ?? actionLabel;
}
