import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '@/db/client';
import { AppError } from '@/workflows/engine/errors';
import { hitRateLimit } from './rate-limit';

/**
 * Proof of work: what an anonymous client pays once a site-wide limit is reached, instead of
 * everyone being refused. The server hands out a signed, short-lived challenge; the client finds
 * a nonce whose SHA-256 of "challenge:nonce" starts with BITS zero bits (about 2^18 hashes: a
 * second or two in a phone's browser, app/_components/proof-of-work.ts) and sends
 * "challenge:nonce" in the X-Proof-Of-Work header. A proof is good once, for a few minutes.
 */
export const POW_HEADER = 'x-proof-of-work';
export const POW_BITS = 18;
const CHALLENGE_MS = 5 * 60_000;

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(`pow:${body}`).digest('base64url');

export function issueChallenge(secret: string, now: Date): string {
  const body = `${now.getTime() + CHALLENGE_MS}.${randomBytes(12).toString('base64url')}`;
  return `${body}.${sign(secret, body)}`;
}

export function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Whether "challenge:nonce" is a proof we issued, unexpired, with enough work (not yet spent). */
export function checkProof(secret: string, proof: string | null, now: Date, bits = POW_BITS): string | null {
  if (!proof || proof.length > 200) return null;
  const [expires, salt, mac, nonce] = proof.split(/[.:]/);
  if (!expires || !salt || !mac || nonce === undefined || !/^\d{1,16}$/.test(expires) || !/^[0-9a-z]{1,32}$/i.test(nonce)) return null;
  const body = `${expires}.${salt}`;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (Number(expires) < now.getTime()) return null;
  const challenge = `${body}.${mac}`;
  const digest = createHash('sha256').update(`${challenge}:${nonce}`).digest();
  return leadingZeroBits(digest) >= bits ? challenge : null;
}

/**
 * Lets the request through with a fresh, valid proof; otherwise refuses it with a new challenge
 * (429 CHALLENGE_REQUIRED; the browser solves it and sends the request again).
 */
export async function requireProof(db: Db, secret: string, proof: string | null, now: Date): Promise<void> {
  const challenge = checkProof(secret, proof, now);
  // Spent once: the first use counts 1 within the challenge's lifetime, any replay is over the limit.
  if (challenge && (await hitRateLimit(db, `pow:${challenge.slice(-22)}`, 1, CHALLENGE_MS, now))) return;
  throw new AppError(
    'CHALLENGE_REQUIRED',
    'busy: proof of work required',
    { zh: '当前访问量较大，正在进行安全验证，请稍候再提交', en: 'The site is busy: your browser is doing a short check; please submit again' },
    { challenge: issueChallenge(secret, now), bits: POW_BITS },
  );
}
