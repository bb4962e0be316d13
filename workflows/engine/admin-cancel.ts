import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { messages, tasks, timers } from '@/db/schema';
import type { Actor } from './actor';
import { appendAdminEvent, lockInstance } from './append-admin-event';
import { AppError } from './errors';
import { parseInput } from './validate';

const reasonSchema = z.string().trim().min(1, '请填写取消原因').max(2000, '原因不能超过 2000 字');

/**
 * An administrator ends a running instance, whatever state it is in: one transaction writes
 * the audited 'admin.cancel' event, marks the instance cancelled, closes its open tasks,
 * disarms its timers and tells the applicant why.
 */
export async function adminCancelInstance(db: Db, req: { instanceId: string; actor: Actor; reason: string; expectedRevision?: number; now: Date }) {
  const reason = parseInput(reasonSchema, req.reason);
  return db.transaction(async (tx) => {
    const row = await lockInstance(tx, req.instanceId, req.expectedRevision);
    if (row.status !== 'active') {
      throw new AppError('CONFLICT', `instance is ${row.status}`, { zh: '该办件已结束，不能取消', en: 'This instance has already ended' });
    }
    const result = await appendAdminEvent(tx, row, {
      type: 'admin.cancel',
      actor: req.actor,
      comment: reason,
      payload: {},
      now: req.now,
      set: { status: 'cancelled', completedAt: req.now },
    });
    await tx
      .update(tasks)
      .set({ status: 'cancelled', completedAt: req.now, outcome: 'admin.cancel' })
      .where(and(eq(tasks.instanceId, row.id), eq(tasks.status, 'open')));
    await tx.update(timers).set({ status: 'cancelled' }).where(and(eq(timers.instanceId, row.id), eq(timers.status, 'pending')));
    if (row.applicantId) {
      const title = row.title;
      await tx.insert(messages).values({
        userId: row.applicantId,
        kind: 'instance.cancelled',
        params: { titleZh: title.zh, titleEn: title.en, actionZh: '管理员取消', actionEn: 'Cancelled by an administrator', comment: reason },
        link: `/applications/${row.id}`,
        instanceId: row.id,
        createdAt: req.now,
      });
    }
    return result;
  });
}
