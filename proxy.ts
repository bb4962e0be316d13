import { NextResponse, type NextRequest } from 'next/server';

/**
 * Hands the requested path to server components (the portal layout sends a signed-out visitor
 * to the login page and back here afterwards). Authorization itself is not decided here.
 */
export function proxy(req: NextRequest) {
  const headers = new Headers(req.headers);
  headers.set('x-pathname', `${req.nextUrl.pathname}${req.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!api/|_next/|favicon.ico|icons/|manifest.webmanifest|sw.js).*)'],
};
