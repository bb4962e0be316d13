/**
 * The browser's side of lib/pow.ts: when a busy site answers 429 CHALLENGE_REQUIRED, find a
 * nonce whose SHA-256 of "challenge:nonce" starts with `bits` zero bits and send the request
 * again with "challenge:nonce" in X-Proof-Of-Work. Hashes run in batches so the page stays usable.
 */
export const POW_HEADER = 'X-Proof-Of-Work';

export interface Challenge {
  challenge: string;
  bits: number;
}

function zeroBits(digest: ArrayBuffer): number {
  let bits = 0;
  for (const byte of new Uint8Array(digest)) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export async function solveChallenge({ challenge, bits }: Challenge): Promise<string> {
  const encoder = new TextEncoder();
  for (let start = 0; ; start += 512) {
    const nonces = Array.from({ length: 512 }, (_, i) => (start + i).toString(36));
    const digests = await Promise.all(nonces.map((n) => crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${n}`))));
    const hit = digests.findIndex((d) => zeroBits(d) >= bits);
    if (hit >= 0) return `${challenge}:${nonces[hit]}`;
  }
}

/** The challenge in an error answer, if the answer is one. */
export function challengeIn(status: number, json: unknown): Challenge | null {
  const c = (json as { error?: { code?: string; challenge?: Challenge } } | null)?.error;
  return status === 429 && c?.code === 'CHALLENGE_REQUIRED' && c.challenge ? c.challenge : null;
}
