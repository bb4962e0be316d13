import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { outbox } from '@/db/schema';
import { applyEventInTransaction } from '@/workflows/engine/apply-event';
import { AppError } from '@/workflows/engine/errors';
import { parseInput } from '@/workflows/engine/validate';
import { formatDateTime } from '../i18n/format';
import { verifySignature } from './signature';

const jobId = z.uuid({ message: 'jobId 无效' });

/**
 * What the maintenance system reports about a job: `assigned` names the worker and when they will
 * come (plannedAt, an ISO date-time), `done` that it is repaired.
 */
export const callbackSchema = z.discriminatedUnion(
  'status',
  [
    z.object({ jobId, status: z.literal('done'), note: z.string().trim().max(500, 'note 不能超过 500 字').optional() }),
    z.object({
      jobId,
      status: z.literal('assigned'),
      worker: z.string().trim().min(1, '请填写维修人员').max(50, 'worker 不能超过 50 字'),
      phone: z.string().trim().regex(/^[0-9+\-\s]{5,20}$/, 'phone 格式不正确'),
      plannedAt: z.iso.datetime({ offset: true, message: 'plannedAt 应为 ISO 8601 时间' }),
    }),
  ],
  { message: 'status 只能是 assigned 或 done' },
);

export interface SignedRequest {
  body: string;
  timestamp: string | null;
  signature: string | null;
}

/**
 * The maintenance system reports on a dorm repair job: a worker assigned (who, their phone, when
 * they will come) or the job done. The signature is checked before the
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
  const report = parseInput(callbackSchema, json);
  return db.transaction(async (tx) => {
    const [job] = await tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.id, report.jobId), eq(outbox.kind, 'job'), sql`${outbox.payload}->>'hook' = 'dorm-repair'`))
      .for('update');
    if (!job?.instanceId) throw new AppError('NOT_FOUND', `job ${report.jobId}`, { zh: '找不到该维修任务', en: 'No such job' });
    if (job.completedAt) {
      throw new AppError('CONFLICT', `job ${report.jobId} already done`, { zh: '该维修任务已报完成', en: 'This job is already reported done' });
    }
    if (report.status === 'assigned') {
      // The student reads the visit time as the campus does: China time, to the minute.
      const visit = { worker: report.worker, workerPhone: report.phone, plannedTime: formatDateTime(report.plannedAt, 'zh') };
      await applyEventInTransaction(tx, { instanceId: job.instanceId, actor: null, type: 'assigned', input: visit, now });
      return { jobId: report.jobId, instanceId: job.instanceId };
    }
    await applyEventInTransaction(tx, { instanceId: job.instanceId, actor: null, type: 'done', comment: report.note, now });
    await tx.update(outbox).set({ completedAt: now }).where(eq(outbox.id, job.id));
    return { jobId: report.jobId, instanceId: job.instanceId };
  });
}
