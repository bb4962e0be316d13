import { getToken } from 'next-auth/jwt';
import type { NextRequest } from 'next/server';
import { getAuthSecret } from '../../db';
import { env } from '../../env';
import { decodeSessionToken } from '../jwt-codec';
import { discoverOidc } from './oidc-discovery';

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0): for a session signed in through
 * OIDC, the identity provider's end_session address with the session's ID token as id_token_hint,
 * coming back to our login page — so 退出登录 also ends the sign-in at the provider, and the next
 * person at a shared computer is asked for their own account. Null for every other session, or
 * when the provider offers no end_session endpoint (then only our session ends).
 */
export async function oidcEndSessionUrl(req: NextRequest): Promise<string | null> {
  const { sso, appUrl } = env();
  if (!sso.oidc) return null;
  const token = await getToken({ req, secret: await getAuthSecret(), decode: decodeSessionToken, secureCookie: appUrl.startsWith('https://') }).catch(() => null);
  const idToken = typeof token?.idt === 'string' ? token.idt : null;
  if (!idToken) return null;
  try {
    const { end_session_endpoint } = await discoverOidc(sso.oidc.issuer);
    if (!end_session_endpoint) return null;
    const url = new URL(end_session_endpoint);
    url.searchParams.set('id_token_hint', idToken);
    url.searchParams.set('post_logout_redirect_uri', `${appUrl}/login`);
    url.searchParams.set('client_id', sso.oidc.clientId);
    return url.toString();
  } catch (error) {
    console.error(`[sso] OIDC logout at the provider skipped: ${(error as Error).message}`);
    return null;
  }
}

/**
 * next-auth's sign-out answer sent on to `url` — only when it did end our session (it clears the
 * session cookie; a refused CSRF token does not), as a redirect or as the `{url}` its client follows.
 */
export async function sendSignOutTo(response: Response, url: string): Promise<Response> {
  const ended = response.headers.getSetCookie().some((c) => /next-auth\.session-token(\.\d+)?=;/.test(c));
  if (!ended) return response;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  if (response.status >= 300 && response.status < 400) {
    headers.set('location', url);
    return new Response(null, { status: response.status, headers });
  }
  if (headers.get('content-type')?.includes('application/json')) {
    const body = (await response.json()) as Record<string, unknown>;
    return new Response(JSON.stringify({ ...body, url }), { status: response.status, headers });
  }
  return response;
}
