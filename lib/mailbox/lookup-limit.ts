import type { Db } from '@/db/client';
import { AppError } from '@/workflows/engine/errors';
import { requireProof } from '../pow';
import { hitTieredLimit, rateLimitCount } from '../rate-limit';
import { mailboxKey } from './capability';

/**
 * Failed lookups a client may make per minute. Once all clients together failed FAILURES_BUSY
 * times in the minute the site is busy and each client gets FAILURES_PER_IP_WHEN_BUSY: a client
 * that has not failed (a writer with a valid link or code) is never refused because of others.
 */
export const FAILURES_PER_IP = 10;
export const FAILURES_BUSY = 600;
export const FAILURES_PER_IP_WHEN_BUSY = 3;
const WINDOW_MS = 60_000;

const ipKey = (ip: string) => `mailbox:fail:${ip}`;
const GLOBAL_KEY = 'mailbox:fail:*';

export const tooManyAttempts = () =>
  new AppError('RATE_LIMITED', 'mailbox lookups rate-limited', {
    zh: '尝试次数过多，请 1 分钟后再试',
    en: 'Too many attempts. Please try again in a minute.',
  });

/** Refuses every lookup (right or wrong) from a client that failed too often. */
export async function assertLookupAllowed(db: Db, ip: string, now = new Date()): Promise<void> {
  const [mine, all] = await Promise.all([rateLimitCount(db, ipKey(ip), WINDOW_MS, now), rateLimitCount(db, GLOBAL_KEY, WINDOW_MS, now)]);
  if (mine >= (all >= FAILURES_BUSY ? FAILURES_PER_IP_WHEN_BUSY : FAILURES_PER_IP)) throw tooManyAttempts();
}

export async function recordLookupFailure(db: Db, ip: string, now = new Date()): Promise<void> {
  await hitTieredLimit(db, { client: ipKey(ip), clientLimit: FAILURES_PER_IP, global: GLOBAL_KEY, busyAbove: FAILURES_BUSY, windowMs: WINDOW_MS }, now);
}

/** Letters a client may send per hour; above LETTERS_BUSY letters an hour from everyone the site is busy. */
export const LETTERS_PER_IP = 10;
export const LETTERS_BUSY = 500;

/**
 * A client over its own limit is refused. While the site is busy, a writer without an account
 * pays with a proof of work (lib/pow.ts) instead of everyone being refused; signed-in writers
 * are limited per account by the instance-start limit.
 */
export async function assertMaySubmit(db: Db, w: { ip: string; signedIn: boolean; proof: string | null }, now = new Date()): Promise<void> {
  const { allowed, busy } = await hitTieredLimit(
    db,
    { client: `mailbox:submit:${w.ip}`, clientLimit: LETTERS_PER_IP, global: 'mailbox:submit:*', busyAbove: LETTERS_BUSY, windowMs: 3_600_000 },
    now,
  );
  if (!allowed) {
    throw new AppError('RATE_LIMITED', 'mailbox submissions rate-limited', {
      zh: '提交过于频繁，请稍后再试',
      en: 'Too many letters sent from here. Please try again later.',
    });
  }
  if (busy && !w.signedIn) await requireProof(db, await mailboxKey(db), w.proof, now);
}
