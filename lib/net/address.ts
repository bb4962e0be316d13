import { isIPv4, isIPv6 } from 'node:net';

/**
 * What kind of network an IP address belongs to, for deciding whether the server may connect to it.
 * `private` covers the ranges a campus network uses (RFC 1918, shared 100.64/10, IPv6 ULA);
 * `reserved` is everything that is not routable on the Internet and has no business being a
 * destination (documentation, benchmarking, 240/4, unallocated IPv6, Teredo, …).
 */
export type AddressClass = 'public' | 'private' | 'loopback' | 'link-local' | 'unspecified' | 'multicast' | 'broadcast' | 'reserved';

/** An address as 4 or 16 bytes. */
export type AddressBytes = Uint8Array;

export function parseIPv4(text: string): AddressBytes | null {
  if (!isIPv4(text)) return null;
  return Uint8Array.from(text.split('.').map(Number));
}

/** Parses any textual IPv6 form (compressed, with an embedded dotted quad, with a zone id) to 16 bytes. */
export function parseIPv6(input: string): AddressBytes | null {
  const text = input.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!isIPv6(text)) return null;
  // An embedded dotted quad (::ffff:1.2.3.4) becomes its two hex groups.
  const hex = text.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    `${((Number(a) << 8) | Number(b)).toString(16)}:${((Number(c) << 8) | Number(d)).toString(16)}`,
  );
  const groups = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const halves = hex.split('::');
  const left = groups(halves[0]!);
  const right = halves.length > 1 ? groups(halves[1]!) : [];
  const words = halves.length > 1 ? [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right] : left;
  if (words.length !== 8 || words.some((w) => !(w >= 0 && w <= 0xffff))) return null;
  const bytes = new Uint8Array(16);
  words.forEach((w, i) => {
    bytes[2 * i] = w >> 8;
    bytes[2 * i + 1] = w & 0xff;
  });
  return bytes;
}

/** 4 or 16 bytes for an IP literal (IPv6 may carry brackets), null for anything else. */
export function parseAddress(text: string): AddressBytes | null {
  return parseIPv4(text) ?? parseIPv6(text);
}

export function formatAddress(bytes: AddressBytes): string {
  if (bytes.length === 4) return bytes.join('.');
  const words: string[] = [];
  for (let i = 0; i < 16; i += 2) words.push(((bytes[i]! << 8) | bytes[i + 1]!).toString(16));
  return words.join(':');
}

/** Whether `bytes` lies in prefix/len (both of the same family). */
export function inPrefix(bytes: AddressBytes, prefix: AddressBytes, len: number): boolean {
  if (bytes.length !== prefix.length) return false;
  for (let bit = 0; bit < len; bit += 8) {
    const take = Math.min(8, len - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((bytes[bit / 8]! & mask) !== (prefix[bit / 8]! & mask)) return false;
  }
  return true;
}

type Range = readonly [prefix: string, len: number, cls: AddressClass];

// IANA IPv4 Special-Purpose Address Registry, reduced to what decides a connection.
const V4: readonly Range[] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'private'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['255.255.255.255', 32, 'broadcast'],
  ['240.0.0.0', 4, 'reserved'],
];

// Checked in order; the forms that carry an IPv4 address are handled before these.
const V6: readonly Range[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::', 96, 'reserved'], // IPv4-compatible (deprecated): ::a9fe:a9fe reaches 169.254.169.254 on some stacks
  ['64:ff9b:1::', 48, 'reserved'], // local-use NAT64: its IPv4 side is whatever the site maps it to
  ['100::', 64, 'reserved'],
  ['2001:db8::', 32, 'reserved'],
  ['2001::', 23, 'reserved'], // IETF protocol assignments, Teredo (which hides an IPv4 address)
  ['3fff::', 20, 'reserved'],
  ['5f00::', 16, 'reserved'],
  ['fc00::', 7, 'private'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'reserved'],
  ['ff00::', 8, 'multicast'],
];

const parsedV4 = V4.map(([p, len, cls]) => [parseIPv4(p)!, len, cls] as const);
const parsedV6 = V6.map(([p, len, cls]) => [parseIPv6(p)!, len, cls] as const);
const MAPPED = parseIPv6('::ffff:0:0')!;
const TRANSLATED = parseIPv6('::ffff:0:0:0')!;
const NAT64 = parseIPv6('64:ff9b::')!;
const SIX_TO_FOUR = parseIPv6('2002::')!;
const GLOBAL_UNICAST = parseIPv6('2000::')!;

/**
 * The IPv4 address an IPv6 address stands for, where the connection really ends at that IPv4
 * address: IPv4-mapped (::ffff:a.b.c.d, which a dual-stack socket connects to as IPv4),
 * IPv4-translated, NAT64 (64:ff9b::/96) and 6to4 (2002:aabb:ccdd::/48).
 */
export function embeddedIPv4(bytes: AddressBytes): AddressBytes | null {
  if (bytes.length !== 16) return null;
  if (inPrefix(bytes, MAPPED, 96) || inPrefix(bytes, TRANSLATED, 96) || inPrefix(bytes, NAT64, 96)) return bytes.slice(12, 16);
  if (inPrefix(bytes, SIX_TO_FOUR, 16)) return bytes.slice(2, 6);
  return null;
}

export function classifyBytes(bytes: AddressBytes): AddressClass {
  if (bytes.length === 4) return parsedV4.find(([p, len]) => inPrefix(bytes, p, len))?.[2] ?? 'public';
  const v4 = embeddedIPv4(bytes);
  if (v4) return classifyBytes(v4);
  const special = parsedV6.find(([p, len]) => inPrefix(bytes, p, len));
  if (special) return special[2];
  // Only 2000::/3 is allocated for global unicast; everything else is unassigned.
  return inPrefix(bytes, GLOBAL_UNICAST, 3) ? 'public' : 'reserved';
}

/** Whether the whole block prefix/len lies inside one range of the given class. */
export function blockWithin(prefix: AddressBytes, len: number, cls: AddressClass): boolean {
  const table = prefix.length === 4 ? parsedV4 : parsedV6;
  return table.some(([p, l, c]) => c === cls && l <= len && inPrefix(prefix, p, l));
}

/** The class of an IP literal; null when `text` is not one. */
export function classifyAddress(text: string): AddressClass | null {
  const bytes = parseAddress(text);
  return bytes ? classifyBytes(bytes) : null;
}
