import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { env } from '../env';
import { parseAddress, type AddressBytes } from './address';
import { addressAllowed, type Network } from './networks';
import { OutboundError } from './outbound-error';

/**
 * What a request is for. It picks the networks an operator allowed: Web Push goes to the
 * browser vendors' public push services, so only tests open any network for it; webhooks, external
 * jobs and single sign-on may reach campus systems on the networks OUTBOUND_ALLOWED_NETWORKS lists.
 */
export type OutboundPurpose = 'webhook' | 'job' | 'push' | 'sso' | 'wecom';

export interface DestinationOptions {
  purpose: OutboundPurpose;
  /** Overrides the configured networks (tests of the guard itself). */
  allowNetworks?: readonly Network[];
}

export function allowedNetworks(opts: DestinationOptions): readonly Network[] {
  if (opts.allowNetworks) return opts.allowNetworks;
  const { net } = env();
  return opts.purpose === 'push' ? net.pushAllowed : net.outboundAllowed;
}

/** Parses the URL and checks its scheme: http(s), and https only for Web Push. */
export function parseDestinationUrl(input: string | URL, purpose: OutboundPurpose): URL {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new OutboundError('invalid-url');
  }
  const httpsOnly = purpose === 'push';
  if (url.protocol !== 'https:' && (httpsOnly || url.protocol !== 'http:')) throw new OutboundError('scheme', httpsOnly);
  return url;
}

/**
 * The host as an address when it is an IP literal. The WHATWG URL parser has already turned every
 * IPv4 spelling (2130706433, 0x7f.1, 0177.0.0.1) into dotted decimal and every IPv6 form into
 * its canonical one, so what is left to interpret is what the connection would really use.
 */
export function hostLiteral(url: URL): AddressBytes | null {
  return parseAddress(url.hostname.replace(/^\[|\]$/g, ''));
}

interface Resolved {
  address: string;
  family: 4 | 6;
}

/**
 * Resolves a host name once and refuses it when any of its addresses is not allowed (a name that
 * points inside the network is not a receiver we deliver to, whichever address would be tried first).
 */
export async function resolveAllowed(hostname: string, allowed: readonly Network[]): Promise<Resolved[]> {
  let found: { address: string; family: number }[];
  try {
    found = await dnsLookup(hostname, { all: true, verbatim: true });
  } catch {
    throw new OutboundError('unresolvable');
  }
  if (found.length === 0) throw new OutboundError('unresolvable');
  for (const a of found) {
    const bytes = parseAddress(a.address);
    if (!bytes || !addressAllowed(bytes, allowed)) throw new OutboundError('forbidden-address');
  }
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

/**
 * A `lookup` for net/http/tls connections: the addresses a connection may use are exactly the ones
 * this check returned, so a DNS answer cannot change between the check and the connect (rebinding).
 */
export function guardedLookup(allowed: readonly Network[]): LookupFunction {
  return (hostname, options, callback) => {
    const family = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
    resolveAllowed(hostname, allowed).then(
      (addresses) => {
        const usable = family ? addresses.filter((a) => a.family === family) : addresses;
        const first = usable[0];
        if (!first) return callback(new OutboundError('unresolvable'), '', 0);
        if (options.all) return (callback as (e: null, a: Resolved[]) => void)(null, usable);
        callback(null, first.address, first.family);
      },
      (error: Error) => callback(error, '', 0),
    );
  };
}

/**
 * The check at registration time (a webhook's URL, a browser's push endpoint): refuses a URL whose
 * host is, or resolves to, an address the guard would refuse. A name that does not resolve now is
 * accepted — DNS may be down for a moment; every request is checked again when it is sent.
 */
export async function checkDestination(input: string | URL, opts: DestinationOptions): Promise<void> {
  const url = parseDestinationUrl(input, opts.purpose);
  const allowed = allowedNetworks(opts);
  const literal = hostLiteral(url);
  if (literal) {
    if (!addressAllowed(literal, allowed)) throw new OutboundError('forbidden-address');
    return;
  }
  try {
    await resolveAllowed(url.hostname, allowed);
  } catch (error) {
    if ((error as OutboundError).reason !== 'unresolvable') throw error;
  }
}
