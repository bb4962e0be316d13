import { blockWithin, classifyBytes, embeddedIPv4, inPrefix, parseAddress, type AddressBytes, type AddressClass } from './address';

/** One CIDR block an operator allows (e.g. the campus's 10.0.0.0/8). */
export interface Network {
  prefix: AddressBytes;
  len: number;
  text: string;
}

/** Classes an operator may open by configuration; the rest are refused whatever the configuration says. */
const OPENABLE: ReadonlySet<AddressClass> = new Set(['private', 'loopback']);

/**
 * Parses a comma- or space-separated CIDR list ("10.0.0.0/8, fd00::/8, 127.0.0.1").
 * Throws on a malformed entry or on a block that reaches beyond private and loopback
 * addresses, so a typo at start-up is an error, not a silently wider hole.
 */
export function parseNetworks(list: string | undefined): Network[] {
  return parseCidrList(list).map((n) => {
    if (![...OPENABLE].some((cls) => blockWithin(n.prefix, n.len, cls))) {
      throw new Error(`"${n.text}" is not a private or loopback network; only those can be allowed`);
    }
    return n;
  });
}

/** Whether the address (or the IPv4 address it stands for) lies in one of the networks. */
export function inNetworks(bytes: AddressBytes, networks: readonly Network[]): boolean {
  const v4 = embeddedIPv4(bytes);
  return networks.some((n) => inPrefix(bytes, n.prefix, n.len) || (v4 !== null && inPrefix(v4, n.prefix, n.len)));
}

/** The one decision: public addresses always; private and loopback ones only inside an allowed network. */
export function addressAllowed(bytes: AddressBytes, allowed: readonly Network[]): boolean {
  const cls = classifyBytes(bytes);
  if (cls === 'public') return true;
  return OPENABLE.has(cls) && inNetworks(bytes, allowed);
}

/** One CIDR block of reverse proxies whose X-Forwarded-For we believe (TRUSTED_PROXIES). */
export interface ProxyNetwork {
  prefix: AddressBytes;
  len: number;
}

/** Parses "10.0.0.0/8, 127.0.0.1, ::1" (any address class: a proxy or CDN may be public). */
export function parseProxyNetworks(list: string | undefined): ProxyNetwork[] {
  return parseCidrList(list);
}

/** A comma- or space-separated list of addresses and CIDR blocks; throws on a malformed entry. */
function parseCidrList(list: string | undefined): Network[] {
  if (!list?.trim()) return [];
  return list
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      const [addr, lenText] = entry.split('/');
      const prefix = parseAddress(addr ?? '');
      const max = prefix?.length === 4 ? 32 : 128;
      const len = lenText === undefined ? max : Number(lenText);
      if (!prefix || !Number.isInteger(len) || len < 0 || len > max || (lenText !== undefined && !/^\d+$/.test(lenText))) {
        throw new Error(`not an IP network: "${entry}" (write e.g. 10.0.0.0/8)`);
      }
      return { prefix, len, text: entry };
    });
}
