import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { instanceEvents, processInstances } from '@/db/schema';
import type { Actor } from './actor';
import { AppError } from './errors';
import { eventHash } from './hash-chain';

type InstanceRow = typeof processInstances.$inferSelect;

/** Locks an instance row for an administrative operation; NOT_FOUND / CONFLICT as applyEvent does. */
export async function lockInstance(tx: Tx, instanceId: string, expectedRevision?: number): Promise<InstanceRow> {
  const [row] = await tx.select().from(processInstances).where(eq(processInstances.id, instanceId)).for('update');
  if (!row) throw new AppError('NOT_FOUND', `instance ${instanceId}`, { zh: '找不到该办件', en: 'No such instance' });
  if (expectedRevision !== undefined && expectedRevision !== row.revision) {
    throw new AppError('CONFLICT', `revision ${expectedRevision} expected, found ${row.revision}`, {
      zh: '该办件已被处理或已更新，请刷新后查看最新进度',
      en: 'Someone has already acted on this; reload to see where it stands',
    });
  }
  return row;
}

/**
 * Appends an administrator's operation to the instance's hash-chained log and bumps its
 * revision, in the caller's transaction: operations leave the same trace as human steps.
 */
export async function appendAdminEvent(
  tx: Tx,
  row: InstanceRow,
  e: { type: string; actor: Actor; comment: string | null; payload: Record<string, unknown>; toState?: string; now: Date; set?: Partial<typeof processInstances.$inferInsert> },
) {
  const seq = row.revision + 1;
  const toState = e.toState ?? row.state;
  const chained = {
    instanceId: row.id,
    seq,
    type: e.type,
    actorId: e.actor.id,
    actorRole: 'process_admin',
    comment: e.comment,
    payload: e.payload,
    fromState: row.state,
    toState,
    at: e.now,
  };
  const hash = eventHash(row.lastHash, chained);
  const [updated] = await tx
    .update(processInstances)
    .set({ ...e.set, revision: seq, lastHash: hash, updatedAt: e.now })
    .where(and(eq(processInstances.id, row.id), eq(processInstances.revision, row.revision)))
    .returning();
  if (!updated) throw new Error(`instance ${row.id} changed under its row lock`);
  const [event] = await tx.insert(instanceEvents).values({ ...chained, prevHash: row.lastHash, hash }).returning();
  return { instance: updated, event: event! };
}
