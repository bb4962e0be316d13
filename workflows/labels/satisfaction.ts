import type { Label } from '../engine/types';

/**
 * 好差评 in the five levels of GB/T 39734 (非常满意 … 非常不满意), level 5 best. Repairs store
 * the level (1–5); the 校长信箱 of version 1 stored three words, read here as levels 4, 3 and 2.
 */
export const SATISFACTION_LEVELS: Record<1 | 2 | 3 | 4 | 5, Label> = {
  5: { zh: '非常满意', en: 'Very satisfied' },
  4: { zh: '满意', en: 'Satisfied' },
  3: { zh: '基本满意', en: 'Fairly satisfied' },
  2: { zh: '不满意', en: 'Dissatisfied' },
  1: { zh: '非常不满意', en: 'Very dissatisfied' },
};

export type SatisfactionLevel = keyof typeof SATISFACTION_LEVELS;

const MAILBOX_WORDS: Record<string, SatisfactionLevel> = { satisfied: 4, basic: 3, unsatisfied: 2 };

/** A stored rating (1–5, or the 校长信箱's word) as its level; null when it is no rating. */
export function satisfactionLevel(raw: unknown): SatisfactionLevel | null {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^[1-5]$/.test(raw) ? Number(raw) : typeof raw === 'string' ? (MAILBOX_WORDS[raw] ?? null) : null;
  return n !== null && n >= 1 && n <= 5 && Number.isInteger(n) ? (n as SatisfactionLevel) : null;
}

/** 不满意 and 非常不满意: a 差评, which the department must answer. */
export const isPoorRating = (level: SatisfactionLevel) => level <= 2;
