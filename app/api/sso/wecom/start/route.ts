import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { wecomAuthorizeUrl } from '@/lib/auth/sso/wecom';
import { newWecomState, WECOM_STATE_COOKIE } from '@/lib/auth/sso/wecom-state';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { safeCallback } from '@/lib/auth/sso/safe-callback';

/** Starts a WeChat Work login: a state cookie for this browser, then the WeChat Work redirect. */
export const GET = route(async ({ req }) => {
  const { sso, appUrl } = env();
  if (!sso.wecom) throw new AppError('NOT_FOUND', 'wecom not configured');
  const { nonce, state } = newWecomState(safeCallback(req.nextUrl.searchParams.get('callbackUrl') ?? '/'));
  const response = NextResponse.redirect(wecomAuthorizeUrl(sso.wecom, `${appUrl}/login/wecom`, state));
  response.cookies.set(WECOM_STATE_COOKIE, nonce, { httpOnly: true, sameSite: 'lax', path: '/login/wecom', maxAge: 600 });
  return response;
}, { permission: { public: 'starts a WeChat Work sign-in: a state cookie and a redirect, no data' } });
