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
  edit: { zh: '修改报备', en: 'Edited' },
  TRIP_OVER: { zh: '行程结束，自动归档', en: 'Trip over, closed' },
  AUTO_CLOSE: { zh: '逾期未确认，自动完成', en: 'Closed without confirmation' },
  // What administrators do to an instance (lib/admin operations), as the event log shows it.
  'admin.cancel': { zh: '管理员取消', en: 'Cancelled by an administrator' },
  'admin.reassign': { zh: '管理员转派待办', en: 'Task reassigned by an administrator' },
  'admin.migrate': { zh: '迁移到新版本', en: 'Moved to a new version' },
  // An eventless transition: taken as soon as its condition holds.
  always: { zh: '自动', en: 'Automatically' },
};
