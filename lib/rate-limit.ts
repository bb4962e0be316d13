import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rateLimits } from '@/db/schema';

/**
 * Counts one hit against a fixed window kept in the database (so every app server shares it)
 * and says whether the caller is still under the limit.
 */
export async function hitRateLimit(db: Db, key: string, limit: number, windowMs: number, now = new Date()): Promise<boolean> {
  const windowStart = new Date(now.getTime() - windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStart: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} < ${windowStart.toISOString()}::timestamptz then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} < ${windowStart.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count });
  return (row?.count ?? 1) <= limit;
}

export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
}

/** How many hits a key has in its current window (0 when it has none or the window ran out). */
export async function rateLimitCount(db: Db, key: string, windowMs: number, now = new Date()): Promise<number> {
  const [row] = await db
    .select({ count: rateLimits.count, windowStart: rateLimits.windowStart })
    .from(rateLimits)
    .where(sql`${rateLimits.key} = ${key}`);
  return row && row.windowStart.getTime() > now.getTime() - windowMs ? row.count : 0;
}

export interface TieredLimit {
  /** The client's own key and limit: over it, only this client is refused. */
  client: string;
  clientLimit: number;
  /** Everyone's key and the level above which the site counts as busy. */
  global: string;
  busyAbove: number;
  windowMs: number;
}

/**
 * A per-client limit in front of a site-wide one. Only requests the client's own limit let
 * through count toward the site-wide total (a refused flood adds nothing to it), and the site-wide
 * total never refuses anyone by itself: it only says the site is busy, and the caller then asks
 * for something the attacker pays (a proof of work, a tighter per-client allowance).
 */
export async function hitTieredLimit(db: Db, t: TieredLimit, now = new Date()): Promise<{ allowed: boolean; busy: boolean }> {
  if (!(await hitRateLimit(db, t.client, t.clientLimit, t.windowMs, now))) return { allowed: false, busy: false };
  const underGlobal = await hitRateLimit(db, t.global, t.busyAbove, t.windowMs, now);
  return { allowed: true, busy: !underGlobal };
}
