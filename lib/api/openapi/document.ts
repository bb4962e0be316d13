import { z } from 'zod';
import { currentDefinitions } from '@/workflows/registry';
import type { Auth, Operation, Returns } from './operation';
import { OPERATIONS } from './operations';
import { ErrorBody } from './responses';

/**
 * The OpenAPI 3.1 document of every route, built from the operations registry: request bodies and
 * query parameters are zod 4's JSON Schema of the very schemas the handlers validate with, so the
 * document cannot drift from what the server accepts. Served at /api/v1/openapi.json.
 */
export function openApiDocument() {
  const schema = (s: z.ZodType, io: 'input' | 'output') => withoutDialect(z.toJSONSchema(s, { io, target: 'draft-2020-12', unrepresentable: 'any' }));
  const errorRef = { $ref: '#/components/schemas/Error' };
  const error = (status: number) => ({ description: STATUS_TEXT[status] ?? 'Error', content: { 'application/json': { schema: errorRef } } });

  const body = (returns: Returns, status: number, orCsv = false) => {
    const description = STATUS_TEXT[status] ?? 'OK';
    if (returns === 'empty') return { description };
    if (returns === 'redirect') return { description, headers: { Location: { schema: { type: 'string' } } } };
    if (returns === 'file') return { description, content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } };
    if (returns === 'csv') return { description, content: { 'text/csv': { schema: { type: 'string' } } } };
    if (returns === 'html') return { description, content: { 'text/html': { schema: { type: 'string' } } } };
    if (returns === 'open311') {
      return { description: `${description} (GeoReport v2; the format follows the file extension)`, content: { 'application/json': { schema: {} }, 'text/xml': { schema: { type: 'string' } } } };
    }
    return { description, content: { 'application/json': { schema: schema(returns, 'output') }, ...(orCsv ? { 'text/csv': { schema: { type: 'string' } } } : {}) } };
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const o of OPERATIONS) {
    const [method, path] = o.route.split(' ') as [string, string];
    const responses: Record<string, unknown> = { [o.ok ?? 200]: body(o.returns, o.ok ?? 200, o.orCsv) };
    for (const [status, returns] of Object.entries(o.also ?? {})) responses[status] = body(returns, Number(status));
    for (const status of o.errors) responses[status] ??= error(status);
    responses['500'] ??= error(500);
    const parameters = [
      ...[...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, description: o.params?.[name!], schema: { type: 'string' } })),
      ...queryParameters(o, schema),
      ...(/^(post|put|patch)$/i.test(method) && o.route.startsWith('POST /api/v1/instances') ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 } }] : []),
    ];
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = {
      operationId: o.operationId,
      summary: o.summary,
      tags: o.tags ?? [tagOf(path)],
      security: o.auth.flatMap(securityOf),
      ...(parameters.length ? { parameters } : {}),
      ...(o.body || o.bodyType ? { requestBody: requestBody(o, schema) } : {}),
      responses,
    };
  }

  const inputs = Object.fromEntries(currentDefinitions().map((d) => [`Input_${d.id}`, schema(d.inputSchema, 'input')]));
  return {
    openapi: '3.1.0',
    info: {
      title: '紫荆e站 API',
      version: '1.0.0',
      description:
        'Campus service hall. Authenticate with the session cookie of a login, or `Authorization: Bearer <API token>` with the scope an operation names. Errors share one shape; messages are Chinese, or English with Accept-Language: en. 校长信箱 writers need no account: the secret in their tracking link is their capability.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token', description: 'The session of a login (`__Secure-next-auth.session-token` behind TLS).' },
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token (/me/tokens). The requirement lists the scope it needs: api, open311, dataset:<id>.' },
        mailboxCapability: {
          type: 'apiKey',
          in: 'cookie',
          name: 'mb_letter',
          description: '校长信箱: the secret {token} of the tracking link in the path is the capability; a query-code lookup sets this half-hour cookie instead (path token `session`).',
        },
        signature: { type: 'apiKey', in: 'header', name: 'x-zijing-signature', description: 'HMAC-SHA256 of timestamp and body with the shared secret, with x-zijing-timestamp.' },
      },
      schemas: { Error: schema(ErrorBody, 'output'), ...inputs },
    },
    paths,
  };
}

function securityOf(auth: Auth): Array<Record<string, string[]>> {
  if (auth === 'public') return [{}];
  if (auth === 'session') return [{ session: [] }];
  // The link's secret sits in the path, which no security scheme can name: the cookie, or nothing beyond the path.
  if (auth === 'capability') return [{ mailboxCapability: [] }, {}];
  if (auth === 'signature') return [{ signature: [] }];
  const scope = auth.slice('token:'.length);
  return [{ bearer: [scope === 'dataset' ? 'dataset:{dataset}' : scope] }];
}

type ToSchema = (s: z.ZodType, io: 'input' | 'output') => Record<string, unknown>;

function requestBody(o: Operation, schema: ToSchema) {
  const json = o.body ? schema(o.body, 'input') : { type: 'object' };
  if (o.bodyType === 'multipart') {
    return { required: true, content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } } } } } };
  }
  if (o.bodyType === 'form') return { required: true, content: { 'application/x-www-form-urlencoded': { schema: o.body ? json : { type: 'object' } } } };
  const type = o.route.includes('/mailbox/') ? { 'application/x-www-form-urlencoded': { schema: json } } : {};
  return { required: true, content: { 'application/json': { schema: json }, ...type } };
}

function queryParameters(o: Operation, schema: ToSchema) {
  if (!o.query) return [];
  const s = schema(o.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, p]) => ({ name, in: 'query', required: s.required?.includes(name) ?? false, schema: p }));
}

function tagOf(path: string): string {
  const m = /^\/(?:api\/v1\/|api\/)?([^/{]+)/.exec(path);
  return m?.[1] ?? 'api';
}

/** A schema inside the document needs no $schema of its own: OpenAPI 3.1's dialect is 2020-12. */
function withoutDialect(s: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = s;
  return rest;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 302: 'Found (redirect)', 303: 'See Other (redirect)', 307: 'Temporary Redirect',
  400: 'Invalid input', 401: 'Not signed in', 403: 'Not allowed', 404: 'Not found (or not yours)', 409: 'Conflict (changed meanwhile)',
  413: 'Too large', 415: 'Unsupported media type', 422: 'Not allowed in this state', 429: 'Too many requests', 500: 'Internal error', 503: 'Unavailable',
};
