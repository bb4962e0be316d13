import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiTokens, apiTokenUses } from '@/db/schema';
import { AppError } from '@/workflows/engine/errors';
import { loadActor, type SessionUser } from '../auth/load-actor';
import { hashTokenSecret, looksLikeToken } from './token-secret';

export interface TokenUser extends SessionUser {
  /** The scopes of the token the request came with. */
  scopes: string[];
  tokenId: string;
}

const INVALID = { zh: 'API 令牌无效、已过期或已撤销', en: 'The API token is invalid, expired or revoked' };

/**
 * Resolves `Authorization: Bearer <token>` to its user, refusing unknown, expired and revoked
 * tokens (looked up on every request, so revocation is immediate) and tokens without the
 * scope the route needs. Every accepted or scope-refused use is logged.
 */
export async function authenticateToken(
  db: Db,
  secret: string,
  request: { method: string; path: string; ip: string | null },
  requiredScope: string,
  now: Date,
): Promise<TokenUser> {
  if (!looksLikeToken(secret)) throw new AppError('UNAUTHENTICATED', 'malformed token', INVALID);
  const [token] = await db.select().from(apiTokens).where(eq(apiTokens.secretHash, hashTokenSecret(secret)));
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) {
    throw new AppError('UNAUTHENTICATED', 'unknown, revoked or expired token', INVALID);
  }
  const user = await loadActor(db, { id: token.userId });
  if (!user) throw new AppError('UNAUTHENTICATED', 'token owner inactive', INVALID);
  const allowed = token.scopes.includes(requiredScope);
  await db.insert(apiTokenUses).values({
    tokenId: token.id,
    method: request.method,
    path: request.path.slice(0, 300),
    outcome: allowed ? 'ok' : 'scope',
    ip: request.ip,
    at: now,
  });
  if (!allowed) {
    throw new AppError('FORBIDDEN', `token lacks scope ${requiredScope}`, {
      zh: `该令牌没有所需的权限范围（${requiredScope}）`,
      en: `The token lacks the required scope (${requiredScope})`,
    });
  }
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, token.id));
  return { ...user, scopes: token.scopes, tokenId: token.id };
}

/** The bearer secret of an Authorization header, or null when there is none. */
export function bearerSecret(header: string | null): string | null {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1]! : null;
}
