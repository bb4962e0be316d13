import type { StateMeta, TaskAction } from '../engine/types';
import { weekdayCalendar, workingDaysBetween } from '../engine/calendar';

/** Approve / return / reject, as every reviewing step offers them; returns and rejections say why. */
export const reviewActions = (zh: string, en: string): TaskAction[] => [
  { type: 'approve', label: { zh, en }, tone: 'primary' },
  { type: 'return', label: { zh: '退回修改', en: 'Return for revision' }, requiresComment: true, tone: 'neutral' },
  { type: 'reject', label: { zh: '不同意', en: 'Reject' }, requiresComment: true, tone: 'danger' },
];

export const withdrawAction: TaskAction = { type: 'withdraw', label: { zh: '撤回申请', en: 'Withdraw' }, tone: 'neutral' };
export const cancelAction: TaskAction = { type: 'cancel', label: { zh: '取消申请', en: 'Cancel' }, requiresComment: true, tone: 'danger' };

/** The state an application waits in after 退回修改: the applicant resubmits (form kept) or withdraws. */
export const revisingMeta: StateMeta = {
  label: { zh: '退回修改', en: 'Returned for revision' },
  task: {
    role: 'applicant',
    scope: { kind: 'applicant' },
    actions: [{ type: 'resubmit', label: { zh: '重新提交', en: 'Resubmit' }, tone: 'primary' }, withdrawAction],
  },
};

export const finals = {
  approved: { label: { zh: '已办结', en: 'Completed' }, outcome: 'completed' } satisfies StateMeta,
  rejected: { label: { zh: '未通过', en: 'Rejected' }, outcome: 'rejected' } satisfies StateMeta,
  withdrawn: { label: { zh: '已撤回', en: 'Withdrawn' }, outcome: 'withdrawn' } satisfies StateMeta,
  cancelled: { label: { zh: '已取消', en: 'Cancelled' }, outcome: 'cancelled' } satisfies StateMeta,
};

/** The CST calendar date an event happened on (the engine stamps `at`), for date guards. */
export function eventDay(event: { at?: string }): string {
  const at = event.at ? Date.parse(event.at) : Date.now();
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Weekdays (Monday–Friday) from start to end inclusive, both 'YYYY-MM-DD'. */
export function weekdaysBetween(start: string, end: string): number {
  return workingDaysBetween(weekdayCalendar, start, end);
}
