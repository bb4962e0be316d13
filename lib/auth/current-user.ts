import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { AppError } from '@/workflows/engine/errors';
import { clientAddress } from '../client-ip';
import { now } from '../clock';
import { getDb } from '../db';
import { authenticateToken, bearerSecret } from '../tokens/authenticate-token';
import { loadActor, type SessionUser } from './load-actor';
import { authOptions } from './options';

/**
 * The signed-in user of this request, loaded fresh (a deactivated user or a bumped session
 * version ends the session at once), or null.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(await authOptions())) as { uid?: string; sv?: number } | null;
  if (!session?.uid) return null;
  const user = await loadActor(await getDb(), { id: session.uid });
  if (!user || user.sessionVersion !== (session.sv ?? 0)) return null;
  return user;
});

/** For pages: the user, or a redirect to the login page that comes back to the requested page. */
export async function requireUserPage(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) {
    const path = (await headers()).get('x-pathname') ?? '/';
    redirect(`/login?callbackUrl=${encodeURIComponent(path.startsWith('/') ? path : '/')}`);
  }
  return user;
}

/** For route handlers and server actions: the user, or UNAUTHENTICATED (401). */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('UNAUTHENTICATED', 'no session');
  return user;
}

/** A request's user: from its session cookie, or from an API token (then with the token's scopes). */
export type RequestUser = SessionUser & { scopes?: string[]; tokenId?: string };

/**
 * For route handlers that also serve API clients: `Authorization: Bearer <token>` wins over the
 * session; a token must carry `requiredScope` (403 otherwise). Null when neither is present.
 */
export async function getRequestUser(
  req: { method: string; url: string; headers: Headers },
  requiredScope: string,
): Promise<RequestUser | null> {
  const secret = bearerSecret(req.headers.get('authorization'));
  if (secret === null) return getCurrentUser();
  const db = await getDb();
  const ip = clientAddress(req.headers);
  return authenticateToken(db, secret, { method: req.method, path: new URL(req.url).pathname, ip }, requiredScope, await now(db));
}
