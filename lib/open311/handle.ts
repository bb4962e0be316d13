import { isAppError } from '@/workflows/engine/errors';
import { ERROR_CODES } from '@/workflows/engine/errors';
import type { Actor } from '@/workflows/engine/actor';
import { bearerSecret, authenticateToken } from '../tokens/authenticate-token';
import { clientAddress } from '../client-ip';
import { now } from '../clock';
import { getDb } from '../db';
import { toErrorBody } from '../errors';
import { negotiateLocale, type Locale } from '../i18n/translate';
import { tokenScopeOf } from '../policy';
import { open311Response, type Open311Format } from './format';

export interface Open311Context {
  req: Request;
  format: Open311Format;
  locale: Locale;
  /** The api_key (query, form field, or Bearer header) resolved to its user; scope `open311`. */
  actor(form?: URLSearchParams): Promise<Actor>;
}

/**
 * Wraps an Open311 endpoint: errors in GeoReport's shape ([{code, description}] / <errors>),
 * the api_key = one of our API tokens with the `open311` scope (every use logged).
 */
export async function handleOpen311(
  req: Request,
  format: Open311Format,
  root: string,
  handler: (ctx: Open311Context) => Promise<{ body: unknown; status?: number }>,
): Promise<Response> {
  const locale = negotiateLocale(undefined, req.headers.get('accept-language'));
  try {
    const ctx: Open311Context = {
      req,
      format,
      locale,
      async actor(form) {
        const url = new URL(req.url);
        const key = bearerSecret(req.headers.get('authorization')) ?? form?.get('api_key') ?? url.searchParams.get('api_key') ?? '';
        const db = await getDb();
        const ip = clientAddress(req.headers);
        return authenticateToken(db, key, { method: req.method, path: url.pathname, ip }, tokenScopeOf('open311.request'), await now(db));
      },
    };
    const { body, status } = await handler(ctx);
    return open311Response(body, format, root, status);
  } catch (error) {
    const { status, body } = toErrorBody(error, locale);
    const code = isAppError(error) ? ERROR_CODES[error.code] : status;
    return open311Response([{ code, description: body.error.message }], format, 'errors', status);
  }
}
