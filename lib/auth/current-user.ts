import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { AppError } from '@/workflows/engine/errors';
import { getDb } from '../db';
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
