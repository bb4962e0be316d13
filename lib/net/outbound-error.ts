/**
 * Why an outgoing request was refused or failed. The message is safe to show an administrator
 * (delivery logs, the failed-deliveries page, a registration form): it never names the address a
 * host resolved to, nor how a connection failed (refused, reset, timed out, TLS), because those
 * details turn an error page into a scanner of the server's network.
 */
export type OutboundReason = 'invalid-url' | 'scheme' | 'forbidden-address' | 'unresolvable' | 'unreachable' | 'too-large' | 'aborted';

const MESSAGES: Record<OutboundReason, { zh: string; en: string }> = {
  'invalid-url': { zh: '地址无效', en: 'not a valid URL' },
  scheme: { zh: '只允许 http(s) 地址', en: 'only http(s) URLs are allowed' },
  'forbidden-address': {
    zh: '目标是本机、内网、链路本地、组播或保留地址，不允许连接（内网地址需管理员在配置中放行）',
    en: 'the destination is a loopback, private, link-local, multicast or reserved address (private networks must be allowed in the configuration)',
  },
  unresolvable: { zh: '域名无法解析', en: 'the host name does not resolve' },
  unreachable: { zh: '无法连接目标', en: 'could not reach the destination' },
  'too-large': { zh: '对方的响应过大', en: 'the response was too large' },
  aborted: { zh: '请求已取消', en: 'the request was cancelled' },
};

export class OutboundError extends Error {
  readonly userMessage: { zh: string; en: string };
  constructor(readonly reason: OutboundReason, https = false) {
    const m = reason === 'scheme' && https ? { zh: '只允许 https 地址', en: 'only https URLs are allowed' } : MESSAGES[reason];
    super(`${m.zh} / ${m.en}`);
    this.name = 'OutboundError';
    this.userMessage = m;
  }

  /** Retrying cannot help: the destination itself is refused (until the configuration changes). */
  get permanent(): boolean {
    return this.reason === 'forbidden-address' || this.reason === 'scheme' || this.reason === 'invalid-url';
  }
}

export function isOutboundError(error: unknown): error is OutboundError {
  return error instanceof OutboundError;
}
