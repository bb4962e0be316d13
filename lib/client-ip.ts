import { env } from './env';
import { embeddedIPv4, formatAddress, inPrefix, parseAddress, type AddressBytes } from './net/address';
import type { ProxyNetwork } from './net/networks';

type HeaderSource = Headers | Record<string, unknown> | undefined;

/**
 * The address the TCP connection came from, written onto every request by lib/peer-stamp.ts
 * (registered in instrumentation.ts) before Next sees it. It always overwrites, so a value a
 * client sends under this name never survives.
 */
export const PEER_HEADER = 'x-zijing-peer';

function header(source: HeaderSource, name: string): string | undefined {
  if (!source) return undefined;
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const value = source[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? value.join(', ') : undefined;
}

/** An address in one canonical spelling (IPv4-mapped IPv6 as plain IPv4), or null for junk. */
function canonical(text: string): AddressBytes | null {
  const bytes = parseAddress(text.trim());
  if (!bytes) return null;
  return bytes.length === 16 && bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff
    ? (embeddedIPv4(bytes) ?? bytes)
    : bytes;
}

const trustedBy = (networks: readonly ProxyNetwork[]) => (bytes: AddressBytes) =>
  networks.some((n) => inPrefix(bytes, n.prefix, n.len));

/**
 * The client's address, for rate limits and token audit — never for authorization. It is the
 * socket's peer, unless that peer is one of our reverse proxies (TRUSTED_PROXIES): then
 * X-Forwarded-For is read from the right, past every trusted proxy, and the first address not
 * ours is the client (whatever a client wrote further left is ignored). A direct client's
 * X-Forwarded-For is never read. Null only when the request did not come through our server
 * (no peer stamp).
 */
export function clientAddress(headers: HeaderSource, trusted: readonly ProxyNetwork[] = env().trustedProxies): string | null {
  const peer = canonical(header(headers, PEER_HEADER) ?? '');
  if (!peer) return null;
  const isTrusted = trustedBy(trusted);
  if (!isTrusted(peer)) return formatAddress(peer);
  const forwarded = (header(headers, 'x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (forwarded.length === 0) forwarded.push(header(headers, 'x-real-ip') ?? '');
  let client = peer;
  for (let i = forwarded.length - 1; i >= 0; i--) {
    const hop = canonical(forwarded[i]!);
    // Junk where an address belongs was written by someone we do not trust: stop at the last good hop.
    if (!hop) break;
    client = hop;
    if (!isTrusted(hop)) break;
  }
  return formatAddress(client);
}

/**
 * The key rate limits count a client under. An IPv6 client controls at least a /64, so it is
 * counted per /64; without a peer stamp (a request that did not come through our server, e.g. a
 * test calling a handler) the key is 'unstamped'.
 */
export function rateLimitAddress(headers: HeaderSource): string {
  const address = clientAddress(headers);
  if (!address) return 'unstamped';
  const bytes = parseAddress(address);
  if (bytes?.length === 16) return `${formatAddress(Uint8Array.from([...bytes.subarray(0, 8), 0, 0, 0, 0, 0, 0, 0, 0]))}/64`;
  return address;
}
