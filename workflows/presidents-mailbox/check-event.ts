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
    // The original is another letter still being handled (the writer of this one then follows it); never generated demo history.
    const original = input.duplicateOf as string;
    const [row] = await q
      .select({ processId: processInstances.processId, status: processInstances.status, sample: processInstances.sample, caseNo: processInstances.caseNo })
      .from(processInstances)
      .where(eq(processInstances.id, original));
    const no = row?.caseNo ?? '';
    if (!row || row.processId !== 'presidents-mailbox' || row.sample) {
      throw new AppError('INVALID_INPUT', 'duplicate of no letter', { zh: `${no || '所填编号'}不是校长信箱的来信`, en: `${no || 'That number'} is no letter to the president` });
    }
    if (original === e.instanceId) {
      throw new AppError('INVALID_INPUT', 'duplicate of itself', { zh: '不能与本信自身合并，请填写另一封来信的流水号', en: 'A letter cannot duplicate itself: give another letter’s case number' });
    }
    if (row.status !== 'active') {
      throw new AppError('INVALID_INPUT', 'duplicate of a closed letter', { zh: `流水号 ${no} 的来信已办结，只能合并到尚在办理的来信`, en: `Letter ${no} is closed: merge only into a letter still being handled` });
    }
  }
}
