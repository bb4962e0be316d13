import { z } from 'zod';
import type { StateMeta, TaskAction } from '../engine/types';

/** What the requester sends when confirming a repair: a rating and an optional word. */
export const ratingSchema = z.object({
  rating: z.coerce.number({ message: '请评分' }).int('评分应为 1–5 的整数').min(1, '评分应为 1–5').max(5, '评分应为 1–5'),
  comment: z.string().trim().max(500, '评价不能超过 500 字').optional(),
});
export type Rating = z.infer<typeof ratingSchema>;

const confirm: TaskAction = { type: 'confirm', label: { zh: '确认并评价', en: 'Confirm and rate' }, tone: 'primary' };
const reopen: TaskAction = { type: 'reopen', label: { zh: '未修好，重新报修', en: 'Not fixed: reopen' }, requiresComment: true, tone: 'danger' };

/** The requester's last step: confirm (with a rating) or reopen; silence closes it after 5 working days. */
export const confirmingMeta = (zh: string, en: string): StateMeta => ({
  label: { zh, en },
  task: { role: 'applicant', scope: { kind: 'applicant' }, actions: [confirm, reopen] },
  timers: [{ event: 'AUTO_CLOSE', delay: { workingDays: 5 } }],
});

export const repairFinals = {
  closed: { label: { zh: '已完成', en: 'Done' }, outcome: 'completed' } satisfies StateMeta,
  rejected: { label: { zh: '不予受理', en: 'Declined' }, outcome: 'rejected' } satisfies StateMeta,
};
