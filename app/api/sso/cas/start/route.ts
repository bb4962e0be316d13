import { randomBytes } from 'node:crypto';
import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { CAS_STATE_COOKIE, casLoginUrl, casServiceUrl } from '@/lib/auth/sso/cas';
import { safeCallback } from '@/lib/auth/sso/safe-callback';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

/** Starts a CAS login: a state cookie for this browser, then the CAS redirect with the state in the service URL. */
export const GET = route(async ({ req }) => {
  const { sso, appUrl } = env();
  if (!sso.cas) throw new AppError('NOT_FOUND', 'cas not configured');
  const state = randomBytes(18).toString('base64url');
  const service = casServiceUrl(appUrl, safeCallback(req.nextUrl.searchParams.get('callbackUrl') ?? '/'), state);
  const response = NextResponse.redirect(casLoginUrl(sso.cas.baseUrl, service));
  response.cookies.set(CAS_STATE_COOKIE, state, { httpOnly: true, sameSite: 'lax', path: '/login/cas', maxAge: 600 });
  return response;
}, { permission: { public: 'starts a CAS sign-in: a state cookie and a redirect, no data' } });
