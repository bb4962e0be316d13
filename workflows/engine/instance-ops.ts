import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { instanceEvents } from '@/db/schema';
import { getDefinition } from './definitions';
import type { Actor } from './actor';
import { commit, type CommitResult } from './commit';
import { loadGroupMembers } from './group-members';
import { lockInstance } from './lock-instance';
import type { InstanceRow, TransitionPlan } from './plan';
import { planRemindApplicant } from './plan-remind';
import { planUrge, planWithdrawApplication, planWithdrawApproval, type InstanceOpInput } from './plan-instance-ops';
import type { ProcessDefinition } from './types';
import { parseInput } from './validate';

/**
 * Orchestrators of 撤回, 催办 and 催缴: one transaction each — lock the instance, read (after the lock)
 * its open tasks and recent log, plan (plan-instance-ops.ts, pure), commit.
 */

const reasonSchema = z.string().trim().max(500, '理由不能超过 500 字');
/** Enough of the log to find the last decision behind any run of operations. */
const HISTORY = 200;

export interface InstanceOpRequest {
  instanceId: string;
  actor: Actor;
  reason?: string;
  expectedRevision?: number;
  now: Date;
}

type Planner = (row: InstanceRow, definition: ProcessDefinition, input: InstanceOpInput, now: Date) => TransitionPlan;

async function run(db: Db, req: InstanceOpRequest, planner: Planner): Promise<CommitResult> {
  const reason = req.reason === undefined ? null : parseInput(reasonSchema, req.reason) || null;
  return db.transaction(async (tx) => {
    const [{ row, openTasks, calendar }, recent] = await Promise.all([
      lockInstance(tx, req.instanceId, req.expectedRevision),
      tx.select().from(instanceEvents).where(eq(instanceEvents.instanceId, req.instanceId)).orderBy(desc(instanceEvents.seq)).limit(HISTORY),
    ]);
    const definition = getDefinition(row.processId, row.processVersion);
    const history = recent.reverse().filter((e) => e.seq <= row.revision);
    // 撤回 back into a group step opens its members' tasks (no query for a definition without groups).
    const groups = await loadGroupMembers(tx, definition, { id: row.applicantId, orgUnitId: row.applicantOrgId });
    const [result] = await commit(tx, [planner(row, definition, { actor: req.actor, openTasks, history, calendar, reason, groups }, req.now)]);
    return result!;
  });
}

export const withdrawApplication = (db: Db, req: InstanceOpRequest) => run(db, req, planWithdrawApplication);
export const withdrawApproval = (db: Db, req: InstanceOpRequest) => run(db, req, planWithdrawApproval);
export const urgeInstance = (db: Db, req: InstanceOpRequest) => run(db, req, planUrge);
export const remindApplicant = (db: Db, req: InstanceOpRequest) => run(db, req, planRemindApplicant);
