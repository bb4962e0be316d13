import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { orgUnits, processInstances } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { applyEvent } from '@/workflows/engine/apply-event';
import { addDelay, type WorkingCalendar } from '@/workflows/engine/calendar';
import { AppError } from '@/workflows/engine/errors';
import { parseInput } from '@/workflows/engine/validate';
import { assertDeskAccess } from './office';

export const letterEventSchema = z.object({
  type: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, '未知的操作'),
  comment: z.string().max(2000, '意见不能超过 2000 字').optional(),
  input: z.record(z.string(), z.unknown()).optional(),
  expectedRevision: z.number().int().min(0).optional(),
});
export type LetterEvent = z.infer<typeof letterEventSchema>;

/** Default reply deadline: 10 working days from the assignment (the time limit). */
export const REPLY_WORKING_DAYS = 10;

/**
 * A staff action on a letter. Checks what the pure machine cannot: that assigned departments
 * exist, that a duplicate points at another letter; fills the default deadline. The engine then
 * decides whether this person may send this event now.
 */
export async function sendLetterEvent(db: Db, actor: Actor, id: string, body: unknown, now: Date, calendar: WorkingCalendar): Promise<void> {
  await assertDeskAccess(db, actor, id);
  const event = parseInput(letterEventSchema, body);
  const input: Record<string, unknown> = { ...(event.input ?? {}) };
  if (event.type === 'assign') {
    input.deadline = input.deadline || addDelay(now, { workingDays: REPLY_WORKING_DAYS }, calendar).toISOString();
    const departments = Array.isArray(input.departments) ? (input.departments as unknown[]).filter((d) => typeof d === 'string') : [];
    const found = departments.length
      ? await db
          .select({ id: orgUnits.id })
          .from(orgUnits)
          .where(and(inArray(orgUnits.id, departments as string[]), eq(orgUnits.active, true)))
      : [];
    if (found.length !== new Set(departments).size) {
      throw new AppError('INVALID_INPUT', 'unknown department', { zh: '承办部门无效', en: 'Unknown department' });
    }
  }
  if (event.type === 'reassign' && typeof input.toOrgUnitId === 'string') {
    const [unit] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, input.toOrgUnitId));
    if (!unit) throw new AppError('INVALID_INPUT', 'unknown department', { zh: '承办部门无效', en: 'Unknown department' });
  }
  if (event.type === 'markDuplicate') {
    const original = String(input.duplicateOf ?? '');
    const [row] = /^[0-9a-f-]{36}$/i.test(original)
      ? await db.select({ processId: processInstances.processId }).from(processInstances).where(eq(processInstances.id, original))
      : [];
    if (!row || row.processId !== 'presidents-mailbox' || original === id) {
      throw new AppError('INVALID_INPUT', 'bad duplicate', { zh: '请填写另一封来信的编号', en: 'Give the id of another letter' });
    }
  }
  await applyEvent(db, {
    instanceId: id,
    actor,
    type: event.type,
    comment: event.comment,
    input: event.type in INPUT_EVENTS ? input : undefined,
    expectedRevision: event.expectedRevision,
    now,
    calendar,
  });
}

const INPUT_EVENTS = {
  assign: true,
  submitDraft: true,
  approveDraft: true,
  returnDraft: true,
  reassign: true,
  markDuplicate: true,
};
