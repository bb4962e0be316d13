import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { processInstances } from '@/db/schema';
import { AppError } from '@/workflows/engine/errors';
import type { Label } from '@/workflows/engine/types';
import { getDefinition } from '@/workflows/registry';
import { verifyInstanceChain } from '../audit/verify-chains';

/** What the public verification page may say: no names, no form, no comments, nothing per person. */
export interface RecordCheck {
  verified: true;
  caseNo: string;
  process: Label;
  /** The instance's status (completed, rejected, active, …); null when the record is not the current one (its status then is not known). */
  status: string | null;
  /** When the last entry the record covers was written. */
  recordedAt: string;
  /** Entries the record covers. */
  steps: number;
  /** False when the application went on after the record was made (a newer record exists). */
  current: boolean;
}

export const caseNoSchema = z.string().regex(/^[A-Z]{1,6}-\d{8}-\d{1,8}$/);
export const recordHashSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const verifyRecordQuery = z.object({ h: z.string().max(200) });

/** One refusal for every way a record fails: it tells a forger nothing about which part was wrong. */
export function unverifiable(why: string): AppError {
  return new AppError('NOT_FOUND', `record not verifiable: ${why}`, {
    zh: '无法核验：没有与此办件编号和记录指纹相符的审批记录。该记录可能是伪造的，或生成后被改动过。',
    en: 'Cannot be verified: no approval record matches this case number and fingerprint. The record may be forged or altered since it was issued.',
  });
}

/**
 * Checks that the approval record with this 流水号 and this fingerprint (the hash of the last
 * log entry it covers) exists and is unchanged: the instance's whole hash chain is recomputed
 * (lib/audit/verify-chains.ts, the check `npm run audit:verify` runs), and the fingerprint must be
 * one of its entries. A record made before later steps still verifies, marked as not current.
 */
export async function verifyRecord(db: Db, caseNo: string, hash: string): Promise<RecordCheck> {
  if (!caseNoSchema.safeParse(caseNo).success || !recordHashSchema.safeParse(hash).success) throw unverifiable('malformed');
  const [row] = await db
    .select({ id: processInstances.id, processId: processInstances.processId, processVersion: processInstances.processVersion, status: processInstances.status })
    .from(processInstances)
    .where(eq(processInstances.caseNo, caseNo));
  if (!row) throw unverifiable('no such case number');
  const { log, broken } = await verifyInstanceChain(db, row.id);
  if (broken) throw unverifiable(`chain broken: ${broken.reason}`);
  const index = log.findIndex((e) => e.hash === hash);
  if (index < 0) throw unverifiable('fingerprint not in the chain');
  const entry = log[index]!;
  const current = index === log.length - 1;
  return {
    verified: true,
    caseNo,
    process: getDefinition(row.processId, row.processVersion).title,
    status: current ? row.status : null,
    recordedAt: entry.at.toISOString(),
    steps: index + 1,
    current,
  };
}
