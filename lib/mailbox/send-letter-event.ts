import { z } from 'zod';
import type { Db } from '@/db/client';
import type { Actor } from '@/workflows/engine/actor';
import { applyEvent } from '@/workflows/engine/apply-event';
import type { WorkingCalendar } from '@/workflows/engine/calendar';
import { parseInput } from '@/workflows/engine/validate';
import { authorizeInstance } from '../policy';
import { resolveDuplicateCaseNo } from './resolve-duplicate';
import '@/lib/engine/provide-engine';

export const letterEventSchema = z.object({
  type: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, '未知的操作'),
  comment: z.string().max(2000, '意见不能超过 2000 字').optional(),
  input: z.record(z.string(), z.unknown()).optional(),
  expectedRevision: z.number().int().min(0).optional(),
});
export type LetterEvent = z.infer<typeof letterEventSchema>;

/**
 * A staff action on a letter: the desk's permission, then the event as sent. The engine checks
 * the rest in the transition's transaction — whether this person may send this event now, the
 * event's form (eventInputs), and what the machine cannot (the definition's checkEvent:
 * departments exist, a duplicate points at another letter; the default deadline).
 */
export async function sendLetterEvent(db: Db, actor: Actor, id: string, body: unknown, now: Date, calendar: WorkingCalendar): Promise<void> {
  await authorizeInstance(db, actor, 'letter.desk', id);
  const event = parseInput(letterEventSchema, body);
  await applyEvent(db, {
    instanceId: id,
    actor,
    type: event.type,
    comment: event.comment,
    // A duplicate may be named by its 流水号, as the office reads it.
    input: event.type === 'markDuplicate' ? await resolveDuplicateCaseNo(db, event.input) : event.input,
    expectedRevision: event.expectedRevision,
    now,
    calendar,
  });
}
