import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { processInstances } from '@/db/schema';
import { AppError } from '@/workflows/engine/errors';

/** 流水号 as people type it: spaces, full-width dashes and lower case forgiven. */
const normalize = (typed: string) => typed.trim().replace(/[－—–]/g, '-').replace(/\s+/g, '').toUpperCase();

/**
 * 合并为重复来信 by a typed 流水号 (besides picking a similar letter): the input with the
 * letter's id as the engine's duplicateOf. The engine's checkLetterEvent then holds it to the
 * same rule as a picked one (another open letter).
 */
export async function resolveDuplicateCaseNo(db: Db, input: Record<string, unknown> | undefined): Promise<Record<string, unknown> | undefined> {
  const typed = input?.duplicateCaseNo;
  if (typeof typed !== 'string') return input;
  const { duplicateCaseNo: _typed, ...rest } = input!;
  const caseNo = normalize(typed);
  if (caseNo === '') {
    throw new AppError('INVALID_INPUT', 'empty case number', { zh: '请填写原信件的流水号，或从相似来信中选择一封', en: 'Give the original letter’s case number, or pick a similar letter' });
  }
  const [row] = await db.select({ id: processInstances.id }).from(processInstances).where(eq(processInstances.caseNo, caseNo));
  if (!row) throw new AppError('INVALID_INPUT', `no letter ${caseNo}`, { zh: `找不到流水号为 ${caseNo} 的来信`, en: `No letter has the case number ${caseNo}` });
  return { ...rest, duplicateOf: row.id };
}
