import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { outbox } from '@/db/schema';
import { applyEventInTransaction } from '@/workflows/engine/apply-event';
import { AppError } from '@/workflows/engine/errors';
import { parseInput } from '@/workflows/engine/validate';
import { verifySignature } from './signature';

export const callbackSchema = z.object({
  jobId: z.uuid({ message: 'jobId 无效' }),
  status: z.literal('done', { message: 'status 只能是 done' }),
  note: z.string().trim().max(500, 'note 不能超过 500 字').optional(),
});

export interface SignedRequest {
  body: string;
  timestamp: string | null;
  signature: string | null;
}

/**
 * The maintenance system reports a dorm repair job done. The signature is checked before the
 * body is even parsed; an unknown job or an instance no longer waiting for the repair is
 * refused, and nothing is written unless the whole transition commits.
 */
export async function completeDormRepairJob(db: Db, req: SignedRequest, secret: string | undefined, now: Date) {
  if (!secret) throw new AppError('NOT_FOUND', 'dorm-repair integration not configured');
  if (!verifySignature(secret, req.timestamp, req.signature, req.body)) {
    throw new AppError('UNAUTHENTICATED', 'bad webhook signature', { zh: '签名无效或已过期', en: 'Invalid or expired signature' });
  }
  let json: unknown;
  try {
    json = JSON.parse(req.body);
  } catch {
    throw new AppError('INVALID_INPUT', 'malformed JSON', { zh: '请求内容不是有效的 JSON', en: 'Malformed JSON' });
  }
  const { jobId, note } = parseInput(callbackSchema, json);
  return db.transaction(async (tx) => {
    const [job] = await tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.id, jobId), eq(outbox.kind, 'job'), sql`${outbox.payload}->>'hook' = 'dorm-repair'`))
      .for('update');
    if (!job?.instanceId) throw new AppError('NOT_FOUND', `job ${jobId}`, { zh: '找不到该维修任务', en: 'No such job' });
    if (job.completedAt) {
      throw new AppError('CONFLICT', `job ${jobId} already done`, { zh: '该维修任务已报完成', en: 'This job is already reported done' });
    }
    await applyEventInTransaction(tx, { instanceId: job.instanceId, actor: null, type: 'done', comment: note, now });
    await tx.update(outbox).set({ completedAt: now }).where(eq(outbox.id, job.id));
    return { jobId, instanceId: job.instanceId };
  });
}
