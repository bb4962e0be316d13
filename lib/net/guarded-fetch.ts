import http from 'node:http';
import https from 'node:https';
import { addressAllowed } from './networks';
import { allowedNetworks, guardedLookup, hostLiteral, parseDestinationUrl, type DestinationOptions } from './destination';
import { OutboundError, isOutboundError } from './outbound-error';

export interface GuardedRequestInit {
  method?: string;
  headers?: HeadersInit;
  body?: string | Uint8Array<ArrayBuffer> | null;
  signal?: AbortSignal;
}

export interface GuardedFetchOptions extends DestinationOptions {
  /** Whole request, connect to last byte. */
  timeoutMs?: number;
  /** A larger response is cut off and the request fails ('too-large'). */
  maxResponseBytes?: number;
  /** Accept a self-signed certificate (the push stand-in in tests; PUSH_INSECURE_TLS). */
  insecureTls?: boolean;
}

const NULL_BODY = new Set([204, 205, 304]);

/**
 * The one way the server makes an outgoing HTTP request (webhooks, external jobs, Web Push, single
 * sign-on, WeChat Work). Like fetch, but:
 * - the destination is checked (lib/net/destination) and the connection is pinned to the checked
 *   address: the host is resolved once, by the guard, and the socket connects to what it returned;
 * - redirects are never followed (a 3xx is returned as it is: a redirect could point anywhere);
 * - the response is read whole, up to maxResponseBytes, within timeoutMs;
 * - every failure is an OutboundError whose text is safe to show an administrator.
 */
export async function guardedFetch(input: string | URL, init: GuardedRequestInit = {}, opts: GuardedFetchOptions): Promise<Response> {
  const url = parseDestinationUrl(input, opts.purpose);
  const allowed = allowedNetworks(opts);
  const literal = hostLiteral(url);
  if (literal && !addressAllowed(literal, allowed)) throw new OutboundError('forbidden-address');
  if (init.signal?.aborted) throw new OutboundError('aborted');

  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => {
    headers[name] = value;
  });
  const body = init.body ?? null;
  if (body !== null) headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
  const maxBytes = opts.maxResponseBytes ?? 1024 * 1024;

  return new Promise<Response>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      init.signal?.removeEventListener('abort', onAbort);
      req.destroy();
      // Connection errors (refused, reset, TLS, timeout) all read the same: see OutboundError.
      reject(isOutboundError(error) ? error : new OutboundError('unreachable'));
    };
    const onAbort = () => fail(new OutboundError('aborted'));
    const timer = setTimeout(() => fail(new OutboundError('unreachable')), opts.timeoutMs ?? 10_000);
    init.signal?.addEventListener('abort', onAbort, { once: true });

    const request = url.protocol === 'https:' ? https.request : http.request;
    const req = request(url, {
      method: init.method ?? 'GET',
      headers,
      lookup: guardedLookup(allowed),
      // No pooled sockets: each connection is made by this guard, for this request.
      agent: false,
      ...(url.protocol === 'https:' ? { rejectUnauthorized: !opts.insecureTls } : {}),
    });
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) return fail(new OutboundError('too-large'));
        chunks.push(chunk);
      });
      res.on('error', fail);
      res.on('end', () => {
        if (settled) return;
        const status = res.statusCode ?? 0;
        if (status < 200 || status > 599) return fail(new OutboundError('unreachable'));
        const responseHeaders = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          try {
            responseHeaders.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
          } catch {
            // A header value fetch would reject is dropped, not the response.
          }
        }
        settled = true;
        clearTimeout(timer);
        init.signal?.removeEventListener('abort', onAbort);
        resolve(new Response(NULL_BODY.has(status) ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage ?? '', headers: responseHeaders }));
      });
    });
    req.end(body ?? undefined);
  });
}

/** A guardedFetch bound to one purpose, for code that takes its sender as a parameter (tests pass a fake). */
export type Fetcher = (url: string, init: GuardedRequestInit) => Promise<Response>;

export function fetcherFor(purpose: GuardedFetchOptions['purpose'], extra: Omit<GuardedFetchOptions, 'purpose'> = {}): Fetcher {
  return (url, init) => guardedFetch(url, init, { ...extra, purpose });
}
