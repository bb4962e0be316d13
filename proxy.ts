import { NextResponse, type NextRequest } from 'next/server';
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

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icons/).*)'],
};
