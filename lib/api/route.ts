import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { AppError } from '@/workflows/engine/errors';
import { parseInput } from '@/workflows/engine/validate';
import { getRequestUser, type RequestUser } from '../auth/current-user';
import { readBodyJson } from '../body-limit';
import { errorResponse } from '../errors';
import { recordingDecisions, tokenScopeOf, type Action } from '../policy';
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

/**
 * What an entry point (route handler or server action) declares about who may call it:
 * - `{ public: 'why' }`: anyone, no session (capability links, signed callbacks, login, health);
 * - `'signed-in'`: any signed-in user, who works on their own rows only (the queries are scoped to them);
 * - a policy action (lib/policy/table.ts): the handler's call tree must `authorize()` it.
 */
export type Permission = { public: string } | 'signed-in' | Action;

export function isPublic(permission: Permission): permission is { public: string } {
  return typeof permission === 'object';
}

/**
 * Proves the declared permission was decided: a handler that succeeded without authorizing its
 * declared action is a bug that would serve data to anyone signed in, so it fails closed (500).
 */
export async function runDeclared<T>(permission: Permission, run: () => Promise<T>, succeeded: (result: T) => boolean): Promise<T> {
  if (isPublic(permission) || permission === 'signed-in') return run();
  const { result, decided } = await recordingDecisions(run);
  if (succeeded(result) && !decided.has(permission)) {
    throw new Error(`declared permission ${permission} was never authorized (lib/policy authorize)`);
  }
  return result;
}

export interface RouteOptions {
  permission: Permission;
  /** Turns an error into this route's own error format (Open311's GeoReport errors); default `{ error }` JSON. */
  onError?: (error: unknown, locale: Locale) => Response;
}

type PublicContext<P> = RouteContext<P> & {
  /** The signed-in user, if any (a public route may still treat them differently, e.g. 我的申请 for a letter). */
  viewer: () => Promise<RequestUser | null>;
};
type UserContext<P> = RouteContext<P> & { user: RequestUser };

/**
 * Every route handler is built here, with its permission declared (lib/policy/entry-points.test.ts
 * fails for one that is not). Errors come out in the one JSON shape; state-changing requests from
 * another site are refused; API clients authenticate with `Authorization: Bearer <token>`.
 */
export function route<P = Record<string, never>>(
  handler: (ctx: PublicContext<P>) => Promise<Response>,
  options: RouteOptions & { permission: { public: string } },
): NextHandler<P>;
export function route<P = Record<string, never>>(
  handler: (ctx: UserContext<P>) => Promise<Response>,
  options: RouteOptions & { permission: 'signed-in' | Action },
): NextHandler<P>;
export function route<P>(handler: (ctx: PublicContext<P> & UserContext<P>) => Promise<Response>, options: RouteOptions): NextHandler<P> {
  const { permission } = options;
  return async (req, { params }) => {
    const locale = requestLocale(req);
    try {
      assertSameOrigin(req);
      const p = await params;
      const viewer = () => getRequestUser(req, scopeFor(options, p));
      if (isPublic(permission)) return await handler({ req, params: p, locale, viewer } as PublicContext<P> & UserContext<P>);
      const user = await viewer();
      if (!user) throw new AppError('UNAUTHENTICATED', 'no session');
      // A replayed idempotent answer (lib/api/idempotency.ts) is this same user's earlier answer,
      // given after its own authorization: it needs no second decision.
      const decidedNow = (res: Response) => res.status < 400 && res.headers.get('Idempotent-Replayed') !== 'true';
      return await runDeclared(permission, () => handler({ req, params: p, locale, viewer, user }), decidedNow);
    } catch (error) {
      return options.onError ? options.onError(error, locale) : errorResponse(error, locale);
    }
  };
}

function scopeFor<P>(options: RouteOptions, params: P): string {
  // The policy table decides which token scope each action needs; people's own routes need 'api'.
  return isPublic(options.permission) || options.permission === 'signed-in' ? 'api' : tokenScopeOf(options.permission, params as Record<string, unknown>);
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
  return parseInput(schema, await readBodyJson(req));
}
