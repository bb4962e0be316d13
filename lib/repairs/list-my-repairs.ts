import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { processInstances } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { stateMeta } from '@/workflows/engine/snapshot';
import type { Label } from '@/workflows/engine/types';
import { getDefinition } from '@/workflows/registry';
import { REPAIR_PROCESS_IDS } from './catalog';

export interface MyRepair {
  id: string;
  title: Label;
  stateLabel: Label;
  updatedAt: string;
}

/** The user's own repairs still in progress, newest activity first. */
export async function listMyOpenRepairs(db: Db, user: Actor): Promise<MyRepair[]> {
  const rows = await db
    .select()
    .from(processInstances)
    .where(
      and(eq(processInstances.applicantId, user.id), eq(processInstances.status, 'active'), inArray(processInstances.processId, REPAIR_PROCESS_IDS)),
    )
    .orderBy(desc(processInstances.updatedAt))
    .limit(50);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    stateLabel: stateMeta(getDefinition(r.processId, r.processVersion).machine, r.state)?.label ?? { zh: r.state, en: r.state },
    updatedAt: r.updatedAt.toISOString(),
  }));
}
