import type { z } from 'zod';

/**
 * Who may call an operation, as the document states it:
 * - 'session'     the login's session cookie
 * - 'token:<scope>' `Authorization: Bearer <API token>` carrying that scope ('token:dataset' = dataset:{dataset} of the path)
 * - 'capability'  the 校长信箱 tracking link's secret ({token} in the path) or the query-code cookie
 * - 'signature'   the HMAC signature headers of an integration partner (dorm-repair callback)
 * - 'public'      nobody in particular
 */
export type Auth = 'session' | `token:${string}` | 'capability' | 'signature' | 'public';

/** What a success answers with: a JSON body schema, or a body that is not JSON. */
export type Returns = z.ZodType | 'file' | 'csv' | 'empty' | 'redirect' | 'html' | 'open311';

export interface Operation {
  /** 'POST /api/v1/instances/{id}/events' — path parameters in braces, as OpenAPI writes them. */
  route: string;
  operationId: string;
  summary: string;
  /** Alternatives: any one of them is enough. */
  auth: Auth[];
  /** JSON body, validated by this very schema (imported from where the route or lib parses it). */
  body?: z.ZodType;
  /** Body in another media type: a form (GeoReport v2), multipart upload, raw text (HMAC-signed). */
  bodyType?: 'json' | 'form' | 'multipart' | 'signed-json';
  query?: z.ZodObject;
  /** Success status (default 200) and what comes with it. */
  ok?: number;
  returns: Returns;
  /** The success may also come as text/csv (asked for with format=csv). */
  orCsv?: boolean;
  /** Further documented successes, e.g. a validation report with 400 and nothing written. */
  also?: Record<number, Returns>;
  /** Error statuses, all in the one error shape. */
  errors: number[];
  /** A description of each path parameter (defaults: a plain string). */
  params?: Record<string, string>;
  tags?: string[];
}

/** One registry entry: `op('POST /api/v1/x', 'doX', 'What it does', { auth, body, returns, errors })`. */
export function op(route: string, operationId: string, summary: string, rest: Omit<Operation, 'route' | 'operationId' | 'summary'>): Operation {
  return { route, operationId, summary, ...rest };
}
