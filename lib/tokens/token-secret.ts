import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'zjt_';

/** A new secret: 32 random bytes, recognisable by its prefix (secret scanners, logs). */
export function newTokenSecret(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/** Tokens are high-entropy, so a plain SHA-256 is enough (no slow hash needed) and indexable. */
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function looksLikeToken(secret: string): boolean {
  return secret.startsWith(PREFIX) && secret.length === PREFIX.length + 43;
}
