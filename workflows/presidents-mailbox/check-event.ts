import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { orgUnits, processInstances } from '@/db/schema';
import { addDelay, type WorkingCalendar } from '../engine/calendar';
import { AppError } from '../engine/errors';
import { stampReopenDeadline } from '../common/poor-rating';

/** Default reply deadline: 10 working days from the assignment (the time limit). */
export const REPLY_WORKING_DAYS = 10;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * An assignment without a deadline gets the default one. A rating carries the deadline a 差评
 * would reopen the letter with (workflows/common/poor-rating.ts, as for every rated process).
 */
export function completeLetterEventInput(type: string, input: unknown, at: { now: Date; calendar: WorkingCalendar }): unknown {
  if (type === 'rate') return stampReopenDeadline(input, at);
  if (type !== 'assign' || !isRecord(input) || input.deadline) return input;
  return { ...input, deadline: addDelay(at.now, { workingDays: REPLY_WORKING_DAYS }, at.calendar).toISOString() };
}

const unknownDepartment = () => new AppError('INVALID_INPUT', 'unknown department', { zh: '承办部门无效', en: 'Unknown department' });

/**
 * What the pure machine cannot check, in the transition's transaction: assigned departments
 * exist and are active, a reassignment names an existing one, a duplicate points at another letter.
 */
export async function checkLetterEvent(q: Queryable, e: { type: string; input: unknown; instanceId: string }): Promise<void> {
  const input = e.input as Record<string, unknown>;
  if (e.type === 'assign') {
    const departments = input.departments as string[];
    const found = await q
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(inArray(orgUnits.id, departments), eq(orgUnits.active, true)));
    if (found.length !== new Set(departments).size) throw unknownDepartment();
  }
  if (e.type === 'reassign') {
    const [unit] = await q.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, input.toOrgUnitId as string));
    if (!unit) throw unknownDepartment();
  }
  if (e.type === 'markDuplicate') {
    const original = input.duplicateOf as string;
    const [row] = await q.select({ processId: processInstances.processId }).from(processInstances).where(eq(processInstances.id, original));
    if (!row || row.processId !== 'presidents-mailbox' || original === e.instanceId) {
      throw new AppError('INVALID_INPUT', 'bad duplicate', { zh: '请填写另一封来信的编号', en: 'Give the id of another letter' });
    }
  }
}
