import { SATISFACTION_LEVELS, satisfactionLevel, type SatisfactionLevel } from '@/lib/labels';
import type { Label } from '@/workflows/engine/types';

export interface Rated {
  level: SatisfactionLevel;
  label: Label;
  comment: string | null;
}

/** The rating an event's form carries, if any (repairs: 1–5; 校长信箱: its words). */
export function ratingOf(payload: unknown): Rated | null {
  const form = (payload as { form?: { rating?: unknown; comment?: unknown } } | null)?.form;
  const level = satisfactionLevel(form?.rating);
  if (!level) return null;
  return { level, label: SATISFACTION_LEVELS[level], comment: typeof form?.comment === 'string' && form.comment.trim() !== '' ? form.comment : null };
}

/** 差评整改 as the application shows it: the 差评 and the day the department must answer by. */
export interface Reopened {
  rating: Rated;
  /** The engine's deadline, stamped on the rating (workflows/common/poor-rating.ts). */
  dueAt: string;
}

/**
 * While a case waits on the department's answer to a 差评: the latest rating was one, it carried
 * the deadline (processes that reopen on a 差评 stamp it), and nothing has moved the case since
 * (a reminder that fires leaves it where it is; the department's answer or a new dispatch does not).
 */
export function reopenedByRating(
  row: { status: string; state: string },
  events: Array<{ type: string; toState: string; payload: unknown }>,
): Reopened | null {
  if (row.status !== 'active') return null;
  const at = events.findLastIndex((e) => ratingOf(e.payload) !== null);
  if (at < 0) return null;
  const rated = events[at]!;
  const rating = ratingOf(rated.payload)!;
  const deadline = (rated.payload as { form?: { deadline?: unknown } }).form?.deadline;
  if (rating.level > 2 || typeof deadline !== 'string') return null;
  if (rated.toState !== row.state || events.slice(at + 1).some((e) => e.toState !== rated.toState)) return null;
  return { rating, dueAt: deadline };
}
