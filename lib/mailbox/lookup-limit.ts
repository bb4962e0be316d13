import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rateLimits } from '@/db/schema';
import { AppError } from '@/workflows/engine/errors';
import { hitRateLimit } from '../rate-limit';

/** Failed lookups a client may make per minute, and all clients together. */
export const FAILURES_PER_IP = 10;
export const FAILURES_GLOBAL = 600;
const WINDOW_MS = 60_000;

const ipKey = (ip: string) => `mailbox:fail:${ip}`;
const GLOBAL_KEY = 'mailbox:fail:*';

export const tooManyAttempts = () =>
  new AppError('RATE_LIMITED', 'mailbox lookups rate-limited', {
    zh: '尝试次数过多，请 1 分钟后再试',
    en: 'Too many attempts. Please try again in a minute.',
  });

async function countOf(db: Db, key: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), gt(rateLimits.windowStart, new Date(now.getTime() - WINDOW_MS))));
  return row?.count ?? 0;
}

/** Refuses every lookup (right or wrong) once the client, or everyone, failed too often. */
export async function assertLookupAllowed(db: Db, ip: string, now = new Date()): Promise<void> {
  const [mine, all] = await Promise.all([countOf(db, ipKey(ip), now), countOf(db, GLOBAL_KEY, now)]);
  if (mine >= FAILURES_PER_IP || all >= FAILURES_GLOBAL) throw tooManyAttempts();
}

export async function recordLookupFailure(db: Db, ip: string, now = new Date()): Promise<void> {
  await hitRateLimit(db, ipKey(ip), FAILURES_PER_IP, WINDOW_MS, now);
  await hitRateLimit(db, GLOBAL_KEY, FAILURES_GLOBAL, WINDOW_MS, now);
}

/** Letters a client may send per hour, and all clients together: a spam flood is cut off. */
export async function assertMaySubmit(db: Db, ip: string, now = new Date()): Promise<void> {
  const mine = await hitRateLimit(db, `mailbox:submit:${ip}`, 10, 3_600_000, now);
  const all = await hitRateLimit(db, 'mailbox:submit:*', 500, 3_600_000, now);
  if (!mine || !all) {
    throw new AppError('RATE_LIMITED', 'mailbox submissions rate-limited', {
      zh: '提交过于频繁，请稍后再试',
      en: 'Too many letters sent from here. Please try again later.',
    });
  }
}
