import type { Queryable } from '@/db/client';
import { adminAudit } from '@/db/schema';

/** Records an administrator's change, in the caller's transaction when there is one. */
export async function audit(db: Queryable, e: { actorId: string; action: string; target: string; details?: Record<string, unknown>; at: Date }): Promise<void> {
  await db.insert(adminAudit).values({ actorId: e.actorId, action: e.action, target: e.target, details: e.details ?? {}, at: e.at });
}
