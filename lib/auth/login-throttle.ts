import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { messages, users } from '@/db/schema';
import { hitRateLimit, rateLimitCount, resetRateLimit } from '../rate-limit';

/**
 * Password guessing is slowed per account AND address, never by a hard lock on the account that
 * strangers could trigger: wrong passwords from other addresses cannot keep the owner out. From
 * one address, an account gets PAIR_TRIES wrong passwords per 15 minutes and PAIR_TRIES_DAY per
 * day (the delay grows: the second window is a day); an address gets LOGIN_MAX_PER_IP attempts on
 * all accounts together. Many failures on one account from anywhere are told to its owner.
 */
export const PAIR_TRIES = 5;
export const PAIR_TRIES_DAY = 20;
/** Failures on one account (all addresses) in 15 minutes that make us tell the owner. */
export const OWNER_ALERT_AFTER = 10;
const WINDOW_MS = 15 * 60_000;
const DAY_MS = 24 * 3_600_000;

const keys = (username: string, ip: string) => {
  const account = username.toLowerCase();
  return {
    address: `login:ip:${ip}`,
    pair: `login:pair:${account}:${ip}`,
    pairDay: `login:pair-day:${account}:${ip}`,
    account: `login:user:${account}`,
  };
};

/** Whether this address may try a password for this account now (counts one attempt of the address). */
export async function mayTryPassword(db: Db, username: string, ip: string, maxPerIp: number, now: Date): Promise<boolean> {
  const k = keys(username, ip);
  if (!(await hitRateLimit(db, k.address, maxPerIp, WINDOW_MS, now))) return false;
  const [pair, pairDay] = await Promise.all([rateLimitCount(db, k.pair, WINDOW_MS, now), rateLimitCount(db, k.pairDay, DAY_MS, now)]);
  return pair < PAIR_TRIES && pairDay < PAIR_TRIES_DAY;
}

/** A wrong password: counts for the pair and the account; the owner hears of the OWNER_ALERT_AFTER-th. */
export async function recordPasswordFailure(db: Db, username: string, ip: string, now: Date): Promise<void> {
  const k = keys(username, ip);
  await hitRateLimit(db, k.pair, PAIR_TRIES, WINDOW_MS, now);
  await hitRateLimit(db, k.pairDay, PAIR_TRIES_DAY, DAY_MS, now);
  await hitRateLimit(db, k.account, OWNER_ALERT_AFTER, WINDOW_MS, now);
  if ((await rateLimitCount(db, k.account, WINDOW_MS, now)) !== OWNER_ALERT_AFTER) return;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!user) return;
  await db.insert(messages).values({
    userId: user.id,
    kind: 'security.login-failures',
    params: {
      titleZh: '账号安全提醒',
      titleEn: 'Account security',
      textZh: `15 分钟内有 ${OWNER_ALERT_AFTER} 次以上密码错误的登录尝试。账号没有被锁定，您仍可正常登录；如不是您本人，建议尽快修改密码。`,
      textEn: `More than ${OWNER_ALERT_AFTER} sign-in attempts with a wrong password in 15 minutes. Your account is not locked; if this was not you, change your password.`,
    },
    link: null,
    createdAt: now,
  });
}

/** A right password clears this address's count for the account (not other addresses'). */
export async function recordPasswordSuccess(db: Db, username: string, ip: string): Promise<void> {
  const k = keys(username, ip);
  await resetRateLimit(db, k.pair);
}
