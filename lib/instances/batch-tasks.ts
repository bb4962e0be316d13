import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { tasks } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { batchActOnTasks } from '@/workflows/engine/batch-act';
import type { batchTasksBody } from '../api/route-inputs';
import { toErrorBody } from '../errors';
import type { Locale } from '../i18n/translate';
import { authorize, type PolicyActor } from '../policy';
import '@/lib/engine/provide-engine';

export interface BatchItem {
  taskId: string;
  instanceId: string;
  caseNo: string | null;
  ok: boolean;
  /** Why this one did not go through, in the caller's language (e.g. someone else handled it first). */
  error?: { code: string; message: string };
}

export interface BatchAnswer {
  action: string;
  succeeded: number;
  failed: number;
  results: BatchItem[];
}

/**
 * 批量审批 for a person (API and the 待办 page alike): the policy decides that every task is theirs
 * (task.batch), the engine that the step allows it and applies each task on its own.
 */
export async function batchTasks(db: Db, user: Actor & PolicyActor, body: z.output<typeof batchTasksBody>, now: Date, locale: Locale): Promise<BatchAnswer> {
  const ids = [...new Set(body.taskIds)];
  const found = await db
    .select({ id: tasks.id, role: tasks.role, orgUnitId: tasks.orgUnitId, assigneeId: tasks.assigneeId, status: tasks.status, completedBy: tasks.completedBy })
    .from(tasks)
    .where(inArray(tasks.id, ids));
  authorize(user, 'task.batch', { kind: 'task-batch', tasks: found, unknown: ids.length - found.length });
  const { action, results } = await batchActOnTasks(db, {
    taskIds: ids,
    actor: user,
    comment: body.comment,
    attachmentsConfirmed: body.attachmentsConfirmed,
    now,
  });
  const items = results.map((r): BatchItem => {
    if (!r.error) return { taskId: r.taskId, instanceId: r.instanceId, caseNo: r.caseNo, ok: true };
    const { body: e } = toErrorBody(r.error, locale);
    return { taskId: r.taskId, instanceId: r.instanceId, caseNo: r.caseNo, ok: false, error: { code: e.error.code, message: e.error.message } };
  });
  const succeeded = items.filter((i) => i.ok).length;
  return { action, succeeded, failed: items.length - succeeded, results: items };
}
