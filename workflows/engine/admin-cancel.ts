import { z } from 'zod';
import type { Db } from '@/db/client';
import { getDefinition } from './definitions';
import type { Actor } from './actor';
import { commit, type CommitResult } from './commit';
import { AppError } from './errors';
import { lockInstance } from './lock-instance';
import { planAdminCancel } from './plan-admin';
import { parseInput } from './validate';

const reasonSchema = z.string().trim().min(1, '请填写取消原因').max(2000, '原因不能超过 2000 字');

/**
 * An administrator ends a running instance, whatever state it is in: one transaction locks it,
 * plans the audited 'admin.cancel' (planAdminCancel) and commits it — cancelled, open tasks
 * closed, timers disarmed, the applicant told why, 'instance.finished' sent.
 */
export async function adminCancelInstance(
  db: Db,
  req: { instanceId: string; actor: Actor; reason: string; expectedRevision?: number; now: Date },
): Promise<CommitResult> {
  const reason = parseInput(reasonSchema, req.reason);
  return db.transaction(async (tx) => {
    const { row, openTasks, calendar } = await lockInstance(tx, req.instanceId, req.expectedRevision);
    if (row.status !== 'active') {
      throw new AppError('CONFLICT', `instance is ${row.status}`, { zh: '该办件已结束，不能取消', en: 'This instance has already ended' });
    }
    const definition = getDefinition(row.processId, row.processVersion);
    const [result] = await commit(tx, [planAdminCancel(row, definition, { actor: req.actor, reason, openTasks, calendar }, req.now)]);
    return result!;
  });
}
