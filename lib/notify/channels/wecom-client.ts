import { guardedFetch, isOutboundError, type GuardedRequestInit } from '../../net';

/**
 * A small WeChat Work (企业微信) application-message client: there is no maintained server SDK.
 * The access token is cached for its lifetime and fetched again when the API says it expired
 * (40014 invalid / 42001 expired). The base URL is configurable so tests can use a stand-in.
 */
export interface WecomConfig {
  corpId: string;
  secret: string;
  agentId: number;
  baseUrl: string;
}

export interface TextCard {
  title: string;
  description: string;
  url: string;
  btntxt?: string;
}

/** Sent, except to `invalid` users (WeCom's `invaliduser`, a partial failure). */
export interface WecomSendResult {
  invalid: string[];
}

/** Thrown for answers where trying again later may help (HTTP 5xx, network, busy). */
export class WecomTransientError extends Error {}
/** Thrown for answers where it cannot (bad secret, agent not allowed, …). */
export class WecomPermanentError extends Error {}

const TOKEN_EXPIRED = new Set([40014, 42001]);
const BUSY = new Set([-1, 45009, 45033]);

export class WecomClient {
  private token: { value: string; expiresAt: number } | null = null;
  private fetching: Promise<string> | null = null;

  constructor(
    private readonly config: WecomConfig,
    private readonly clock: () => number = Date.now,
  ) {}

  private async call(path: string, init?: GuardedRequestInit): Promise<Record<string, unknown>> {
    let res: Response;
    try {
      res = await guardedFetch(new URL(path, this.config.baseUrl), init, { purpose: 'wecom' });
    } catch (error) {
      // A base URL the guard refuses stays refused: no point retrying until the configuration changes.
      const refused = isOutboundError(error) && ['forbidden-address', 'scheme', 'invalid-url'].includes(error.reason);
      throw new (refused ? WecomPermanentError : WecomTransientError)(`network: ${(error as Error).message}`);
    }
    if (res.status >= 500 || res.status === 429) throw new WecomTransientError(`HTTP ${res.status}`);
    if (!res.ok) throw new WecomPermanentError(`HTTP ${res.status}`);
    try {
      return (await res.json()) as Record<string, unknown>;
    } catch {
      throw new WecomTransientError('malformed JSON answer');
    }
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > this.clock()) return this.token.value;
    // Concurrent senders share one fetch instead of each asking for a token.
    this.fetching ??= (async () => {
      try {
        const q = new URLSearchParams({ corpid: this.config.corpId, corpsecret: this.config.secret });
        const body = await this.call(`/cgi-bin/gettoken?${q}`);
        if (body.errcode !== 0 || typeof body.access_token !== 'string') {
          const err = `gettoken errcode ${String(body.errcode)}: ${String(body.errmsg ?? '')}`;
          throw BUSY.has(Number(body.errcode)) ? new WecomTransientError(err) : new WecomPermanentError(err);
        }
        const lifetimeS = Number(body.expires_in) || 7200;
        // Renew a minute early so a token never expires between our check and WeCom's.
        this.token = { value: body.access_token, expiresAt: this.clock() + (lifetimeS - 60) * 1000 };
        return body.access_token;
      } finally {
        this.fetching = null;
      }
    })();
    return this.fetching;
  }

  async sendTextCard(userIds: string[], card: TextCard): Promise<WecomSendResult> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken();
      const body = await this.call(`/cgi-bin/message/send?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          touser: userIds.join('|'),
          msgtype: 'textcard',
          agentid: this.config.agentId,
          textcard: { btntxt: '详情', ...card },
        }),
      });
      const code = Number(body.errcode);
      if (TOKEN_EXPIRED.has(code) && attempt === 0) {
        this.token = null;
        continue;
      }
      if (code === 0 || code === 81013) {
        // 81013: every user invalid; otherwise `invaliduser` lists the ones that were.
        const invalid = String(body.invaliduser ?? '').split('|').filter(Boolean);
        return { invalid: code === 81013 && invalid.length === 0 ? userIds : invalid };
      }
      const err = `message/send errcode ${code}: ${String(body.errmsg ?? '')}`;
      throw BUSY.has(code) || TOKEN_EXPIRED.has(code) ? new WecomTransientError(err) : new WecomPermanentError(err);
    }
  }
}
