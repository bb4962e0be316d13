import type { RequestUser } from '../auth/current-user';
import { now } from '../clock';
import { getDb } from '../db';
import { AppError } from '../errors';
import { createToken, type CreatedToken } from './create-token';
import { revokeToken } from './revoke-token';

/** Tokens are managed from a signed-in session only: a leaked token must not mint more tokens. */
function assertSession(user: RequestUser): void {
  if (user.tokenId) {
    throw new AppError('FORBIDDEN', 'token management needs a session', {
      zh: '令牌只能在登录后的页面中管理，不能用令牌创建或撤销令牌',
      en: 'Tokens are managed from a signed-in session, not with a token',
    });
  }
}

export async function createMyToken(user: RequestUser, input: unknown): Promise<CreatedToken> {
  assertSession(user);
  const db = await getDb();
  return createToken(db, user, input, await now(db));
}

export async function revokeMyToken(user: RequestUser, tokenId: string): Promise<void> {
  assertSession(user);
  const db = await getDb();
  await revokeToken(db, user, tokenId, await now(db));
}
