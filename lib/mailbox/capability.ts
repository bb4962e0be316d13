import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { settings } from '@/db/schema';

/** No 0/O, 1/I/L: a code read aloud or copied from paper is not mistyped. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 10;
/** 32 bytes from the CSPRNG = 256 bits (the issue asks for at least 128). */
const TOKEN_BYTES = 32;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function newQueryCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** The token has 256 bits of entropy: a plain SHA-256 cannot be reversed by guessing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Upper-case, no spaces or dashes: '  abcd-efgh 23 ' and 'ABCDEFGH23' are the same code. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function normaliseContact(contact: string): string {
  return contact.trim().toLowerCase().replace(/[\s-]/g, '');
}

/**
 * A code has about 50 bits, few enough to brute-force a leaked plain hash offline, so it is
 * keyed with an installation secret kept apart from the letters.
 */
export function keyedHash(key: string, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}

let cachedKey: string | undefined;
export async function mailboxKey(db: Db): Promise<string> {
  if (cachedKey) return cachedKey;
  await db
    .insert(settings)
    .values({ key: 'mailbox_code_key', value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, 'mailbox_code_key'));
  cachedKey = row!.value;
  return cachedKey;
}

/** Tests open several databases in one process: each has its own key. */
export function forgetMailboxKey(): void {
  cachedKey = undefined;
}

export function trackingPath(token: string): string {
  return `/mailbox/track/${token}`;
}
