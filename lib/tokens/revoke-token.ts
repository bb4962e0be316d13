import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiTokens } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { authorize, isUuid } from '../policy';

/** Revokes a token of the actor's (or, for an admin, anyone's); the next request using it fails. */
export async function revokeToken(db: Db, actor: Actor, tokenId: string, now: Date): Promise<void> {
  if (!isUuid(tokenId)) throw new AppError('NOT_FOUND', 'bad token id');
  const [token] = await db.select({ userId: apiTokens.userId }).from(apiTokens).where(eq(apiTokens.id, tokenId));
  if (!token) throw new AppError('NOT_FOUND', `token ${tokenId}`);
  authorize(actor, 'token.manage', { kind: 'token', userId: token.userId, scopes: [] });
  await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)));
}
