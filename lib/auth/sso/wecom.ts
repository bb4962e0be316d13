import type { Db } from '@/db/client';
import { fetcherFor, type Fetcher } from '../../net';
import { consumeProof } from './consume-proof';
import { provisionSsoUser } from './provision-user';

export interface WecomConfig {
  corpId: string;
  agentId: string;
  secret: string;
  apiBase: string;
  authorizeUrl: string;
}

/** The in-app OAuth URL (企业微信网页授权) a WeChat Work user is sent to. */
export function wecomAuthorizeUrl(config: WecomConfig, redirectUri: string, state: string): string {
  const url = new URL(config.authorizeUrl);
  url.searchParams.set('appid', config.corpId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', 'snsapi_base');
  url.searchParams.set('state', state);
  url.searchParams.set('agentid', config.agentId);
  return `${url.toString()}#wechat_redirect`;
}

// The access token is valid for 7200 s and rate-limited by WeChat Work: one per process, reused.
let cached: { key: string; token: string; expiresAt: number } | null = null;
const TOKEN_ERRORS = new Set([40014, 42001]);

async function accessToken(config: WecomConfig, fetchImpl: Fetcher, force = false): Promise<string> {
  const key = `${config.apiBase}|${config.corpId}`;
  if (!force && cached && cached.key === key && cached.expiresAt > Date.now()) return cached.token;
  const url = `${config.apiBase}/cgi-bin/gettoken?corpid=${encodeURIComponent(config.corpId)}&corpsecret=${encodeURIComponent(config.secret)}`;
  const body = (await (await fetchImpl(url, {})).json()) as {
    errcode?: number;
    access_token?: string;
    expires_in?: number;
  };
  if (body.errcode || !body.access_token) throw new Error(`wecom gettoken failed: ${body.errcode}`);
  // Renew five minutes early so a token never expires mid-login.
  cached = { key, token: body.access_token, expiresAt: Date.now() + ((body.expires_in ?? 7200) - 300) * 1000 };
  return cached.token;
}

/** For tests: forget the cached access token. */
export function resetWecomTokenCache(): void {
  cached = null;
}

/**
 * Exchanges an OAuth code for the member's userid (= campus id) at /cgi-bin/auth/getuserinfo.
 * A code works once; a non-member (openid only) is refused.
 */
export async function signInWithWecomCode(
  db: Db,
  config: WecomConfig,
  code: string,
  fetchImpl: Fetcher = fetcherFor('sso'),
): Promise<{ id: string; name: string; sv: number } | null> {
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(code)) return null;
  if (!(await consumeProof(db, 'wecom', code))) return null;
  let body: { errcode?: number; userid?: string; UserId?: string } = {};
  for (const force of [false, true]) {
    const token = await accessToken(config, fetchImpl, force);
    const url = `${config.apiBase}/cgi-bin/auth/getuserinfo?access_token=${encodeURIComponent(token)}&code=${encodeURIComponent(code)}`;
    body = (await (await fetchImpl(url, {})).json()) as typeof body;
    if (!TOKEN_ERRORS.has(body.errcode ?? 0)) break;
  }
  const userid = body.userid ?? body.UserId;
  if (body.errcode || !userid) return null;
  return provisionSsoUser(db, { username: userid });
}
