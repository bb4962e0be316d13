import { hkdf, randomUUID } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import type { JWT, JWTDecodeParams, JWTEncodeParams } from 'next-auth/jwt';

/**
 * next-auth's own session-token format (JWE, dir + A256GCM, key from HKDF over the secret), with
 * the derived key computed once per secret instead of once per request: next-auth's decode runs
 * HKDF on every call, which the profile of every logged-in page and API request showed as ~5 % of
 * the server's CPU (bench/RESULTS.md, issue 20). Tokens stay interchangeable with next-auth's.
 */
const keys = new Map<string, Promise<Uint8Array>>();

function derivedKey(secret: string | Buffer, salt: string): Promise<Uint8Array> {
  const id = `${salt}\u0000${typeof secret === 'string' ? secret : secret.toString('base64')}`;
  let key = keys.get(id);
  if (!key) {
    key = new Promise<Uint8Array>((resolve, reject) =>
      hkdf('sha256', secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ''}`, 32, (error, bits) =>
        error ? reject(error) : resolve(new Uint8Array(bits)),
      ),
    );
    // A failure is not remembered; a few secrets per process at most (rotation adds one).
    key.catch(() => keys.delete(id));
    keys.set(id, key);
  }
  return key;
}

const DEFAULT_MAX_AGE_S = 30 * 24 * 60 * 60;

export async function encodeSessionToken({ token = {}, secret, maxAge = DEFAULT_MAX_AGE_S, salt = '' }: JWTEncodeParams): Promise<string> {
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(((Date.now() / 1000) | 0) + maxAge)
    .setJti(randomUUID())
    .encrypt(await derivedKey(secret, salt));
}

export async function decodeSessionToken({ token, secret, salt = '' }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, await derivedKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}
