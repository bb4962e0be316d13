import { and, countDistinct, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { messages, processInstances } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { activeStates, restoreSnapshot } from '@/workflows/engine/snapshot';
import type { Label } from '@/workflows/engine/types';
import { getDefinition } from '@/workflows/registry';

export interface CopyItem {
  instanceId: string;
  caseNo: string | null;
  process: string;
  processTitle: Label;
  title: Label;
  status: string;
  state: string;
  stepLabel: Label;
  /** Who or which step copied it, in words ('王老师抄送给您，仅供知悉'). */
  why: Label;
  comment: string;
  copiedAt: string;
  /** Not opened yet: a copy is read once its application was opened from 抄送我 (or its message read). */
  unread: boolean;
}

/**
 * 抄送我: the instances copied to the caller, newest copy first, one row per instance. A copy is an
 * 'instance.copy' message written by commit (a holder's planCopy, or a step's meta `cc`), so its
 * read state is the message's.
 */
export async function listCopies(db: Db, actor: Actor, limit = 500): Promise<CopyItem[]> {
  const rows = await db
    .select({ m: messages, i: processInstances })
    .from(messages)
    .innerJoin(processInstances, eq(processInstances.id, messages.instanceId))
    .where(and(eq(messages.userId, actor.id), eq(messages.kind, 'instance.copy')))
    .orderBy(desc(messages.createdAt))
    .limit(limit);
  const byInstance = new Map<string, CopyItem>();
  for (const { m, i } of rows) {
    const seen = byInstance.get(i.id);
    if (seen) {
      seen.unread ||= m.readAt === null;
      continue;
    }
    const definition = getDefinition(i.processId, i.processVersion);
    const states = activeStates(restoreSnapshot(definition.machine, i.snapshot));
    byInstance.set(i.id, {
      instanceId: i.id,
      caseNo: i.caseNo,
      process: i.processId,
      processTitle: definition.title,
      title: i.title,
      status: i.status,
      state: i.state,
      stepLabel: states.find((s) => s.meta.label)?.meta.label ?? { zh: i.state, en: i.state },
      why: { zh: m.params.actionZh ?? '', en: m.params.actionEn ?? '' },
      comment: m.params.comment ?? '',
      copiedAt: m.createdAt.toISOString(),
      unread: m.readAt === null,
    });
  }
  return [...byInstance.values()];
}

/** 抄送我's count for the tab label: instances copied to the caller (one per instance, as listed). */
export async function countCopies(db: Db, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: countDistinct(messages.instanceId) })
    .from(messages)
    .where(and(eq(messages.userId, actor.id), eq(messages.kind, 'instance.copy')));
  return row?.n ?? 0;
}

/** Opening a copied application reads its copies (all of them: one row per instance in 抄送我). */
export async function markCopiesRead(db: Db, actor: Actor, instanceIds: string[], now: Date): Promise<void> {
  if (instanceIds.length === 0) return;
  await db
    .update(messages)
    .set({ readAt: now })
    .where(and(eq(messages.userId, actor.id), eq(messages.kind, 'instance.copy'), inArray(messages.instanceId, instanceIds), isNull(messages.readAt)));
}
