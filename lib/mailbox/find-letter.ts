import { timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { mailboxLetters } from '@/db/schema';
import { AppError } from '@/workflows/engine/errors';
import { hashToken, keyedHash, mailboxKey, normaliseCode, normaliseContact, TOKEN_PATTERN } from './capability';
import { readCodeSession, SESSION_TOKEN } from './code-session';
import { assertLookupAllowed, recordLookupFailure } from './lookup-limit';

export type LetterRow = typeof mailboxLetters.$inferSelect;

/** One answer for a wrong, truncated, expired, revoked or unknown link: nothing to tell apart. */
export const letterNotFound = () =>
  new AppError('NOT_FOUND', 'no letter for this capability', {
    zh: '找不到这封来信：链接或查询码无效，或已失效',
    en: 'No letter found: the link or query code is wrong or no longer valid',
  });

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The letter a tracking token opens. Every token, well-formed or not, is hashed and looked up
 * the same way, so neither the answer nor its timing says which check failed.
 */
export async function findLetterByToken(db: Db, token: string, ip: string, now: Date): Promise<LetterRow> {
  await assertLookupAllowed(db, ip, now);
  const hash = hashToken(token.slice(0, 200));
  const [row] = await db.select().from(mailboxLetters).where(eq(mailboxLetters.tokenHash, hash));
  if (!row || !TOKEN_PATTERN.test(token) || row.tokenExpiresAt <= now) {
    await recordLookupFailure(db, ip, now);
    throw letterNotFound();
  }
  return row;
}

/** The letter a query code opens; when the writer left a contact, it must be given too. */
export async function findLetterByCode(db: Db, code: string, contact: string, ip: string, now: Date): Promise<LetterRow> {
  await assertLookupAllowed(db, ip, now);
  const key = await mailboxKey(db);
  const [row] = await db
    .select()
    .from(mailboxLetters)
    .where(eq(mailboxLetters.codeHash, keyedHash(key, normaliseCode(code.slice(0, 64)))));
  const contactOk = !row?.contactHash || sameHex(row.contactHash, keyedHash(key, normaliseContact(contact.slice(0, 200))));
  if (!row || !contactOk || row.tokenExpiresAt <= now) {
    await recordLookupFailure(db, ip, now);
    throw letterNotFound();
  }
  return row;
}

/**
 * The letter behind /mailbox/track/{token}: a tracking token, or SESSION_TOKEN for the letter a
 * query-code lookup opened (its signed cookie names the letter).
 */
export async function openLetter(
  db: Db,
  a: { token: string; sessionCookie: string | undefined; ip: string; now: Date },
): Promise<LetterRow> {
  if (a.token !== SESSION_TOKEN) return findLetterByToken(db, a.token, a.ip, a.now);
  await assertLookupAllowed(db, a.ip, a.now);
  const tokenHash = await readCodeSession(db, a.sessionCookie, a.now);
  const [row] = tokenHash ? await db.select().from(mailboxLetters).where(eq(mailboxLetters.tokenHash, tokenHash)) : [];
  if (!row || row.tokenExpiresAt <= a.now) {
    await recordLookupFailure(db, a.ip, a.now);
    throw letterNotFound();
  }
  return row;
}
