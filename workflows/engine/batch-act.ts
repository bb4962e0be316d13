import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { processInstances, tasks } from '@/db/schema';
import { getDefinition } from './definitions';
import { isCandidate, type Actor } from './actor';
import { applyEventInTransaction } from './apply-event';
import { AppError, isAppError } from './errors';
import { stateMeta } from './snapshot';

/** The most tasks one 批量审批 may hold: a page of work a person can still stand behind. */
export const BATCH_LIMIT = 100;

export interface BatchRequest {
  taskIds: string[];
  actor: Actor;
  comment?: string;
  /** The handler ticked that they read every application's attachments (steps that ask for it). */
  attachmentsConfirmed?: boolean;
  now: Date;
}

export interface BatchItemResult {
  taskId: string;
  instanceId: string;
  caseNo: string | null;
  /** null when it went through; otherwise why this one did not (taken by someone else: CONFLICT). */
  error: AppError | Error | null;
}

export interface BatchResult {
  /** The event every task was sent (the step's batch action). */
  action: string;
  results: BatchItemResult[];
}

/**
 * 批量审批: the same action on up to 100 tasks of one step of one process. The whole request is
 * refused (nothing applied) when it is malformed — unknown tasks, someone else's, two steps, a
 * step whose meta does not allow it, attachments not confirmed. Then each task is its own
 * transition (applyEvent: lock, planEvent, commit — one transaction each), so one that someone
 * else took meanwhile fails alone and is reported, and the others go through.
 */
export async function batchActOnTasks(db: Db, req: BatchRequest): Promise<BatchResult> {
  const ids = [...new Set(req.taskIds)];
  if (ids.length === 0) throw new AppError('INVALID_INPUT', 'no tasks', { zh: '请选择要批量办理的待办', en: 'Select the tasks to act on' });
  if (ids.length > BATCH_LIMIT) {
    throw new AppError('INVALID_INPUT', `${ids.length} tasks > ${BATCH_LIMIT}`, {
      zh: `一次最多批量办理 ${BATCH_LIMIT} 件，您选择了 ${ids.length} 件`,
      en: `At most ${BATCH_LIMIT} tasks at once; you selected ${ids.length}`,
    });
  }
  const rows = await db
    .select({ task: tasks, processId: processInstances.processId, processVersion: processInstances.processVersion, caseNo: processInstances.caseNo })
    .from(tasks)
    .innerJoin(processInstances, eq(processInstances.id, tasks.instanceId))
    .where(inArray(tasks.id, ids));
  // Unknown and someone else's look alike from outside: neither says what the other task is.
  const foreign = ids.length - rows.filter((r) => isCandidate(req.actor, r.task) || r.task.completedBy === req.actor.id).length;
  if (foreign > 0) {
    throw new AppError('FORBIDDEN', `${foreign} of the tasks are not ${req.actor.id}'s`, {
      zh: `所选待办中有 ${foreign} 件不由您办理，本次未作任何处理`,
      en: `${foreign} of the selected tasks are not yours to handle; nothing was done`,
    });
  }
  const steps = new Set(rows.map((r) => `${r.processId}|${r.task.state}`));
  if (steps.size > 1) {
    throw new AppError('INVALID_INPUT', `tasks of ${steps.size} steps`, {
      zh: '批量审批只能选择同一流程、同一环节的待办，本次未作任何处理',
      en: 'A batch may only hold tasks of one step of one process; nothing was done',
    });
  }
  const metas = rows.map((r) => stateMeta(getDefinition(r.processId, r.processVersion).machine, r.task.state)?.task);
  const batch = metas.map((m) => m?.batch);
  const rule = batch[0];
  if (!rule || batch.some((b) => b?.action !== rule.action)) {
    throw new AppError('EVENT_NOT_ALLOWED', 'step does not allow batch', {
      zh: '该环节不支持批量审批，请逐件办理',
      en: 'This step cannot be handled in a batch; please handle each one',
    });
  }
  if (batch.some((b) => b?.confirmAttachments) && !req.attachmentsConfirmed) {
    throw new AppError('INVALID_INPUT', 'attachments not confirmed', {
      zh: '该环节需要核对附件：请勾选“我已逐件查阅所选申请的附件”后再批量办理',
      en: 'This step checks evidence: tick that you read the attachments of every selected application',
    });
  }
  const action = metas[0]?.actions.find((a) => a.type === rule.action);
  if (action?.requiresComment && !req.comment?.trim()) {
    throw new AppError('INVALID_INPUT', `${rule.action} requires a comment`, { zh: `请填写${action.label.zh}的意见`, en: `Please give a comment (${action.label.en})` });
  }

  const byId = new Map(rows.map((r) => [r.task.id, r]));
  const results: BatchItemResult[] = [];
  // One after another, each in its own transaction: a failure rolls back that task alone.
  for (const id of ids) {
    const r = byId.get(id)!;
    let error: AppError | Error | null = null;
    try {
      await db.transaction((tx) =>
        applyEventInTransaction(tx, { instanceId: r.task.instanceId, taskId: id, actor: req.actor, type: rule.action, comment: req.comment, now: req.now }),
      );
    } catch (e) {
      if (!isAppError(e)) console.error('batch task failed', id, e);
      error = e instanceof Error ? e : new Error(String(e));
    }
    results.push({ taskId: id, instanceId: r.task.instanceId, caseNo: r.caseNo, error });
  }
  return { action: rule.action, results };
}
