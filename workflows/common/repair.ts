import { z } from 'zod';
import type { StateMeta, TaskAction, TaskScope } from '../engine/types';
import { reopenedLabel, reopenedOperations, reopenedTask, reopenOverdueTimer } from './poor-rating';

/** What the requester sends when confirming a repair: a rating and an optional word. */
export const ratingSchema = z.object({
  rating: z.coerce.number({ message: '请评分' }).int('评分应为 1–5 的整数').min(1, '评分应为 1–5').max(5, '评分应为 1–5'),
  comment: z.string().trim().max(500, '评价不能超过 500 字').optional(),
});
export type Rating = z.infer<typeof ratingSchema> & { deadline?: string };

/** v2: the rating also carries the deadline a 差评 reopens the repair with (the engine's, workflows/common/poor-rating.ts). */
export const ratingSchemaV2 = ratingSchema.extend({ deadline: z.iso.datetime({ offset: true }).optional() });

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

const answer: TaskAction = {
  type: 'answerRating',
  label: { zh: '答复并请再次验收', en: 'Answer and ask to accept again' },
  requiresComment: true,
  tone: 'primary',
};

/**
 * v2: the confirmation's transitions — a 差评 (不满意 / 非常不满意) reopens the repair for the
 * department (差评重新办理), anything else closes it. Needs the guard `poorRating` and the action `recordRating`.
 */
export const rateOrReopen = [
  { guard: 'poorRating', target: 'reopened', actions: 'recordRating' },
  { target: 'closed', actions: 'recordRating' },
] as const;

/**
 * v2: 差评重新办理 — the department answers within 5 working days (the task's due date, reminded
 * when it passes) and the requester accepts again; `more` are the department's other ways on
 * (后勤处 may dispatch a worker again). Needs the action `countReminder`.
 */
export function reopenedRepairState(scope: TaskScope, more: { actions: TaskAction[]; on: Record<string, string> } = { actions: [], on: {} }) {
  return {
    meta: {
      label: reopenedLabel,
      task: reopenedTask({ role: 'handler', scope, actions: [answer, ...more.actions] }),
      operations: reopenedOperations,
      timers: [reopenOverdueTimer],
    } satisfies StateMeta,
    on: { answerRating: 'confirming', ...more.on, [reopenOverdueTimer.event]: { actions: 'countReminder' } },
  };
}
