import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { AppError } from '@/workflows/engine/errors';
import { parseInput } from '@/workflows/engine/validate';
import { getRequestUser, type RequestUser } from '../auth/current-user';
import { errorResponse } from '../errors';
import { negotiateLocale, type Locale, LOCALE_COOKIE } from '../i18n/translate';

export interface RouteContext<P> {
  req: NextRequest;
  params: P;
  locale: Locale;
}

type NextHandler<P> = (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses state-changing requests sent by another site's page with the user's cookies. */
function assertSameOrigin(req: NextRequest): void {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers.get('sec-fetch-site');
  const origin = req.headers.get('origin');
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  const crossSite = site === 'cross-site' || (origin !== null && origin !== 'null' && new URL(origin).host !== host);
  if (crossSite) throw new AppError('FORBIDDEN', 'cross-origin request refused');
}

function requestLocale(req: NextRequest): Locale {
  return negotiateLocale(req.cookies.get(LOCALE_COOKIE)?.value, req.headers.get('accept-language'));
}

/** A route handler for anyone (no session needed); errors still come out in the one JSON shape. */
export function publicRoute<P>(handler: (ctx: RouteContext<P>) => Promise<Response>): NextHandler<P> {
  return async (req, { params }) => {
    const locale = requestLocale(req);
    try {
      assertSameOrigin(req);
      return await handler({ req, params: await params, locale });
    } catch (error) {
      return errorResponse(error, locale);
    }
  };
}

/**
 * A route handler that runs only for a signed-in user, who is handed to it typed and non-null.
 * API clients authenticate with `Authorization: Bearer <token>` instead of a session; the token
 * needs `options.scope` (default 'api'), and the user then carries the token's scopes.
 */
export function userRoute<P>(
  handler: (ctx: RouteContext<P> & { user: RequestUser }) => Promise<Response>,
  options: { scope?: string } = {},
): NextHandler<P> {
  return publicRoute<P>(async (ctx) => {
    const user = await getRequestUser(ctx.req, options.scope ?? 'api');
    if (!user) throw new AppError('UNAUTHENTICATED', 'no session');
    return handler({ ...ctx, user });
  });
}

/** Reads a JSON body and validates it; malformed JSON and wrong shapes are 400s with a message. */
export async function readJson<T>(req: NextRequest, schema: z.ZodType<T>): Promise<T> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'expected application/json', {
      zh: '请求格式错误：需要 JSON',
      en: 'The request body must be JSON',
    });
  }
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new AppError('INVALID_INPUT', 'malformed JSON', { zh: '请求内容不是有效的 JSON', en: 'Malformed JSON' });
  }
  return parseInput(schema, body);
}
