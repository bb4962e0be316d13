import { inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { getDefinition } from './definitions';
import { isCandidate, type Actor } from './actor';
import { commit, type CommitResult } from './commit';
import { AppError } from './errors';
import { lockInstance } from './lock-instance';
import { planCopy } from './plan-copy';

/** More would be a notice, not a copy. */
export const COPY_LIMIT = 20;

export interface CopyRequest {
  instanceId: string;
  actor: Actor;
  /** 学号/工号 of the people to inform. */
  usernames: string[];
  comment?: string;
  expectedRevision?: number;
  now: Date;
}

/**
 * 抄送 by whoever holds an open task of the instance: lock it, check the sender and the people,
 * plan the copy (planCopy, pure) and commit it — one transaction, like every other change.
 */
export async function copyInstance(db: Db, req: CopyRequest): Promise<CommitResult> {
  const names = [...new Set(req.usernames.map((u) => u.trim()).filter(Boolean))];
  if (names.length === 0) throw new AppError('INVALID_INPUT', 'no recipients', { zh: '请选择抄送对象', en: 'Choose whom to copy' });
  if (names.length > COPY_LIMIT) {
    throw new AppError('INVALID_INPUT', `${names.length} recipients`, { zh: `一次最多抄送 ${COPY_LIMIT} 人`, en: `At most ${COPY_LIMIT} people at once` });
  }
  return db.transaction(async (tx) => {
    const [{ row, openTasks }, people] = await Promise.all([
      lockInstance(tx, req.instanceId, req.expectedRevision),
      tx.select({ id: users.id, name: users.name, username: users.username, active: users.active, kind: users.kind }).from(users).where(inArray(users.username, names)),
    ]);
    const task = openTasks.find((t) => t.role !== 'applicant' && isCandidate(req.actor, t));
    if (row.status !== 'active' || !task) {
      throw new AppError('FORBIDDEN', `${req.actor.id} holds no open task of ${row.id}`, {
        zh: '只有当前环节的办理人可以抄送',
        en: 'Only whoever handles the current step may send copies',
      });
    }
    const missing = names.filter((n) => !people.some((p) => p.username === n && p.active));
    if (missing.length > 0) {
      throw new AppError('INVALID_INPUT', `unknown or inactive: ${missing.join(', ')}`, {
        zh: `找不到这些人员或其账号已停用：${missing.join('、')}`,
        en: `No such active person: ${missing.join(', ')}`,
      });
    }
    // Copies show what handlers see (internal comments included): staff only.
    const students = people.filter((p) => p.kind !== 'staff').map((p) => p.name);
    if (students.length > 0) {
      throw new AppError('INVALID_INPUT', 'copy to students', { zh: `只能抄送给教职工：${students.join('、')}`, en: `Copies go to staff only: ${students.join(', ')}` });
    }
    if (people.some((p) => p.id === req.actor.id)) throw new AppError('INVALID_INPUT', 'copy to self', { zh: '不能抄送给自己', en: 'You cannot copy yourself' });
    if (people.some((p) => p.id === row.applicantId)) {
      throw new AppError('INVALID_INPUT', 'copy to applicant', { zh: '申请人本人会收到办理进度，无需抄送', en: 'The applicant hears of every step already' });
    }
    const definition = getDefinition(row.processId, row.processVersion);
    const plan = planCopy(
      row,
      definition,
      { actor: { id: req.actor.id, name: req.actor.name }, actorRole: task.role, recipients: people.map((p) => ({ id: p.id, name: p.name })), comment: req.comment?.trim() || null },
      req.now,
    );
    const [result] = await commit(tx, [plan]);
    return result!;
  });
}
