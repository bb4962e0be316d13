import type { Db } from '@/db/client';
import { keyedHash, mailboxKey } from './capability';

/** After a query-code lookup the browser holds this for half an hour instead of the link. */
export const CODE_SESSION_COOKIE = 'mb_letter';
export const CODE_SESSION_SECONDS = 30 * 60;
/** The path segment that means "the letter of my code session" in /mailbox/track/{token}. */
export const SESSION_TOKEN = 'session';

export async function signCodeSession(db: Db, tokenHash: string, now: Date): Promise<string> {
  const expires = now.getTime() + CODE_SESSION_SECONDS * 1000;
  const body = `${tokenHash}.${expires}`;
  return `${body}.${keyedHash(await mailboxKey(db), `session:${body}`)}`;
}

/** The token hash a valid, unexpired session cookie names, or null. */
export async function readCodeSession(db: Db, value: string | undefined, now: Date): Promise<string | null> {
  const [tokenHash, expires, mac] = (value ?? '').split('.');
  if (!tokenHash || !expires || !mac || Number(expires) < now.getTime()) return null;
  return keyedHash(await mailboxKey(db), `session:${tokenHash}.${expires}`) === mac ? tokenHash : null;
}

/** After a re-issue the new code is shown on the new link's page, from this 2-minute cookie. */
export const FLASH_COOKIE = 'mb_new_code';
