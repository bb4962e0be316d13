import type { Label } from './types';

/** Labels of events that are not task actions: the applicant's own and the engine's. */
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
};

export function eventLabel(type: string): Label {
  return GENERIC_EVENT_LABELS[type] ?? { zh: type, en: type };
}
