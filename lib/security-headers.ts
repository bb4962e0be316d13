/**
 * The response headers every page and API answer carries. Pure, so proxy.ts stays thin and the
 * policy is unit-tested. Pages get a Content-Security-Policy with a fresh nonce per request: Next
 * reads it from the request's CSP header and puts it on its own scripts.
 */

/**
 * Who may frame our pages, besides ourselves: WeChat Work (企业微信) opens the hall inside its
 * workbench; FRAME_ANCESTORS (space-separated origins) replaces this list per deployment.
 */
export const DEFAULT_FRAME_ANCESTORS = ['https://work.weixin.qq.com', 'https://*.work.weixin.qq.com'];

const ORIGIN = /^https:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?$/i;

export function frameAncestors(configured: string | undefined): string[] {
  if (configured === undefined || configured.trim() === '') return DEFAULT_FRAME_ANCESTORS;
  // Anything that is not a plain https origin (a keyword, a quote, a semicolon) is dropped, so
  // a bad setting can only narrow the policy, never inject directives into it.
  return configured.split(/\s+/).filter((o) => ORIGIN.test(o));
}

export function contentSecurityPolicy(o: { nonce: string; dev: boolean; tls: boolean; frameAncestors: string[] }): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts Next loads from a nonced script are trusted; nothing inline else.
    `script-src 'self' 'nonce-${o.nonce}' 'strict-dynamic'${o.dev ? " 'unsafe-eval'" : ''}`,
    // React sets style attributes; styles cannot run code, scripts are what the nonce guards.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors 'self' ${o.frameAncestors.join(' ')}`.trim(),
    ...(o.tls ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** Headers for every answer; HSTS only when the request reached us over TLS (at the proxy). */
export function baseSecurityHeaders(tls: boolean): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=()',
    ...(tls ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** Behind a TLS-terminating load balancer the scheme arrives in X-Forwarded-Proto. */
/**
 * 校长信箱 tracking links are capabilities (the token in the URL is the key): they must never be
 * sent on as a Referer, nor indexed. Applies to the tracking pages and the mailbox API.
 */
export const CAPABILITY_HEADERS = { 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex, nofollow' } as const;

export function capabilityHeaders(pathname: string): Record<string, string> {
  const capability = pathname === '/mailbox/track' || pathname.startsWith('/mailbox/track/') || pathname.startsWith('/api/v1/mailbox/');
  return capability ? CAPABILITY_HEADERS : {};
}

export function isTls(protocol: string, forwardedProto: string | null): boolean {
  const first = forwardedProto?.split(',')[0]?.trim().toLowerCase();
  return first ? first === 'https' : protocol === 'https:';
}
