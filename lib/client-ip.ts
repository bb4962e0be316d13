import { env } from './env';

type HeaderSource = Headers | Record<string, unknown> | undefined;

function header(source: HeaderSource, name: string): string | undefined {
  if (!source) return undefined;
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : undefined;
}

/**
 * The client's address as our reverse proxies report it, for rate limits and token audit —
 * never for authorization. Each proxy appends the address it was connected from to
 * X-Forwarded-For, so with `hops` trusted proxies the client is the entry `hops` places from
 * the right; whatever a client writes into the header itself stays to the left of it and is
 * ignored. Null when no proxy reported one (direct connections: Next.js does not expose the
 * socket's address to route handlers).
 */
export function clientAddress(headers: HeaderSource, hops = env().trustedProxyHops): string | null {
  if (hops === 0) return null;
  const chain = (header(headers, 'x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const reported = chain.length > 0 ? chain[Math.max(0, chain.length - hops)] : header(headers, 'x-real-ip')?.trim();
  return reported ? reported.slice(0, 64) : null;
}

/** The key rate limits count a client under: its address, or one shared 'local' bucket when none was reported. */
export function rateLimitAddress(headers: HeaderSource): string {
  return clientAddress(headers) ?? 'local';
}
