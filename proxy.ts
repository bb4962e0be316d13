import { NextResponse, type NextRequest } from 'next/server';
import { cleanQuery, queryHasControl } from './lib/clean-query';
import { baseSecurityHeaders, capabilityHeaders, contentSecurityPolicy, frameAncestors, isTls } from './lib/security-headers';

/**
 * Hands the requested path to server components (the portal layout sends a signed-out visitor
 * to the login page and back here afterwards), and sets the security headers: a per-request
 * CSP nonce for pages, nosniff/Referrer-Policy/HSTS for everything. Authorization is not decided here.
 */
export function proxy(req: NextRequest) {
  // A path with broken percent-encoding (%ff, %E0%A4%A) makes Next's router throw (a 500); it
  // names nothing we serve, so it is refused here as the bad request it is.
  if (!decodablePath(req.nextUrl.pathname)) {
    return NextResponse.json(
      { error: { code: 'INVALID_INPUT', message: '请求地址无效 / Malformed request path' } },
      { status: 400, headers: baseSecurityHeaders(false) },
    );
  }
  // Repeated parameters and control characters (?q=a&q=b, ?q=%00) broke pages and queries (500s).
  // API handlers read the first value of a parameter, so only control characters are refused there.
  if (req.nextUrl.pathname.startsWith('/api/')) {
    if (queryHasControl(req.nextUrl.search)) {
      return NextResponse.json(
        { error: { code: 'INVALID_INPUT', message: '请求参数无效 / Malformed query parameters' } },
        { status: 400, headers: baseSecurityHeaders(false) },
      );
    }
  } else {
    const cleaned = cleanQuery(req.nextUrl.search);
    if (cleaned !== null) {
      const url = req.nextUrl.clone();
      url.search = cleaned;
      return NextResponse.redirect(url, { status: 307, headers: baseSecurityHeaders(false) });
    }
  }
  const tls = isTls(req.nextUrl.protocol, req.headers.get('x-forwarded-proto'));
  const headers = new Headers(req.headers);
  const isPage = !req.nextUrl.pathname.startsWith('/api/');
  let csp: string | null = null;
  if (isPage) {
    headers.set('x-pathname', `${req.nextUrl.pathname}${req.nextUrl.search}`);
    const nonce = btoa(crypto.randomUUID());
    csp = contentSecurityPolicy({
      nonce,
      dev: process.env.NODE_ENV === 'development',
      tls,
      frameAncestors: frameAncestors(process.env.FRAME_ANCESTORS),
    });
    headers.set('x-nonce', nonce);
    headers.set('Content-Security-Policy', csp);
  }
  const res = NextResponse.next({ request: { headers } });
  const securityHeaders = { ...baseSecurityHeaders(tls), ...capabilityHeaders(req.nextUrl.pathname) };
  for (const [name, value] of Object.entries(securityHeaders)) res.headers.set(name, value);
  if (csp) res.headers.set('Content-Security-Policy', csp);
  return res;
}

function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Paths the proxy does not run on. For a request the proxy runs on, Next copies the body for it
 * in memory first (up to proxyClientMaxBodySize, 64 MB), before the route reads a byte: the
 * upload routes would count their limit only after that (issue 15 item 8). They carry their own
 * security headers (next.config.js) and read their bodies within the limit (lib/body-limit.ts).
 */
export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icons/|api/v1/uploads$|api/v1/mailbox/attachments$).*)'],
};
