import { randomBytes } from 'node:crypto';

/** Binds a WeChat Work login to the browser that started it (OAuth state, CSRF). */
export const WECOM_STATE_COOKIE = 'zj_wecom_state';

export function newWecomState(callbackUrl: string): { nonce: string; state: string } {
  const nonce = randomBytes(12).toString('base64url');
  // WeChat Work passes state back verbatim (≤128 bytes, [a-zA-Z0-9._-]): nonce + where to go.
  const callback = Buffer.from(encodeURIComponent(callbackUrl)).toString('base64url').slice(0, 100);
  return { nonce, state: `${nonce}.${callback}` };
}
