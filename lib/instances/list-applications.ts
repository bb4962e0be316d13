import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { processInstances } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { activeStates, restoreSnapshot } from '@/workflows/engine/snapshot';
import type { Label } from '@/workflows/engine/types';
import { getDefinition } from '@/workflows/registry';

export interface ApplicationItem {
  id: string;
  process: string;
  processTitle: Label;
  title: Label;
  status: string;
  stepLabel: Label;
  createdAt: string;
  updatedAt: string;
}

/** 我的申请: the caller's own instances, newest first, each with its current step. */
export async function listApplications(db: Db, actor: Actor, limit = 100): Promise<ApplicationItem[]> {
  const rows = await db
    .select()
    .from(processInstances)
    .where(eq(processInstances.applicantId, actor.id))
    .orderBy(desc(processInstances.createdAt))
    .limit(limit);
  return rows.map((row) => {
    const definition = getDefinition(row.processId, row.processVersion);
    const states = activeStates(restoreSnapshot(definition.machine, row.snapshot));
    return {
      id: row.id,
      process: row.processId,
      processTitle: definition.title,
      title: row.title,
      status: row.status,
      stepLabel: states.find((s) => s.meta.label)?.meta.label ?? { zh: row.state, en: row.state },
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}
