import { count, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { mailboxLetters, processInstances } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import type { Label } from '@/workflows/engine/types';
import { currentStep } from '@/workflows/labels/current-step';
import { getDefinition } from '@/workflows/registry';
import { writerRef } from '../policy';

export interface ApplicationItem {
  id: string;
  caseNo: string | null;
  process: string;
  processTitle: Label;
  title: Label;
  status: string;
  /** The current state path (filters of 我发起的); stepLabel is what people read. */
  state: string;
  stepLabel: Label;
  /** Since when it waits where it stands. */
  stateSince: string;
  createdAt: string;
  updatedAt: string;
}

/** The caller's own instances and letters (anonymous ones too: a letter is found by its writer reference). */
async function ownedBy(db: Db, actor: Actor) {
  const letters = db.select({ id: mailboxLetters.instanceId }).from(mailboxLetters).where(eq(mailboxLetters.writerRef, await writerRef(db, actor.id)));
  return or(eq(processInstances.applicantId, actor.id), inArray(processInstances.id, letters));
}

/** 我发起的' count for the tab label, without restoring a snapshot per row. */
export async function countApplications(db: Db, actor: Actor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(processInstances).where(await ownedBy(db, actor));
  return row?.n ?? 0;
}

/**
 * 我的申请: the caller's own instances (and letters), newest first, each with its current step —
 * read from the state column (currentStep), so neither the snapshot nor the form is fetched.
 */
export async function listApplications(db: Db, actor: Actor, limit = 100): Promise<ApplicationItem[]> {
  const rows = await db
    .select({
      id: processInstances.id,
      caseNo: processInstances.caseNo,
      processId: processInstances.processId,
      processVersion: processInstances.processVersion,
      title: processInstances.title,
      status: processInstances.status,
      state: processInstances.state,
      stateSince: processInstances.stateSince,
      createdAt: processInstances.createdAt,
      updatedAt: processInstances.updatedAt,
    })
    .from(processInstances)
    .where(await ownedBy(db, actor))
    .orderBy(desc(processInstances.createdAt))
    .limit(limit);
  return rows.map((row) => {
    const definition = getDefinition(row.processId, row.processVersion);
    return {
      id: row.id,
      caseNo: row.caseNo,
      process: row.processId,
      processTitle: definition.title,
      title: row.title,
      status: row.status,
      state: row.state,
      stepLabel: currentStep(definition, row.state).label,
      createdAt: row.createdAt.toISOString(),
      stateSince: row.stateSince.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}
