import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/**
 * Where an admin's webhook may not point. Campus systems live on private networks (10.x, 172.16/12,
 * 192.168/16) and sometimes on the same host, so those stay allowed; what is refused is what no
 * receiver legitimately uses and an attacker wants: link-local addresses (169.254.169.254 is the
 * cloud metadata service), the unspecified address, multicast and broadcast.
 */
export function isForbiddenAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) {
    const [a, b] = address.split('.').map(Number) as [number, number];
    return a === 0 || (a === 169 && b === 254) || a >= 224;
  }
  if (kind === 6) {
    const v6 = address.toLowerCase();
    const mapped = v6.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
    if (mapped) return isForbiddenAddress(mapped[1]!);
    return v6 === '::' || /^fe[89ab]/.test(v6) || v6.startsWith('ff');
  }
  return false;
}

/** Resolves the URL's host and refuses it when any address it resolves to is forbidden. */
export async function assertDeliverableUrl(url: string): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  const bad = addresses.find(isForbiddenAddress);
  if (bad) throw new Error(`destination ${host} resolves to a forbidden address (${bad})`);
}
