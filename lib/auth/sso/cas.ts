import type { Db } from '@/db/client';
import { fetcherFor, type Fetcher } from '../../net';
import { parseCasResponse } from './cas-response';
import { consumeProof } from './consume-proof';
import { provisionSsoUser } from './provision-user';

/** Binds a CAS login to the browser that started it: a ticket link made by someone else fails (login CSRF). */
export const CAS_STATE_COOKIE = 'zj_cas_state';

/**
 * Where CAS sends the browser back: our page, with the place to go after login and the state
 * whose twin is in the browser's cookie. The ticket is validated against this exact URL.
 */
export function casServiceUrl(appUrl: string, callbackUrl: string, state?: string): string {
  const url = new URL('/login/cas', appUrl);
  if (callbackUrl !== '/') url.searchParams.set('callbackUrl', callbackUrl);
  if (state) url.searchParams.set('state', state);
  return url.toString();
}

export function casLoginUrl(casBase: string, service: string): string {
  return `${casBase}/login?service=${encodeURIComponent(service)}`;
}

const TICKET = /^ST-[A-Za-z0-9._-]{1,256}$/;

/**
 * Validates a service ticket at {CAS}/p3/serviceValidate. The service URL is rebuilt here from
 * our own base URL, never taken from the browser, so a ticket issued for another application
 * cannot sign in here; a ticket is accepted once (replays refused even if the CAS would not).
 */
export async function validateCasTicket(
  db: Db,
  cas: { baseUrl: string },
  input: { ticket: string; service: string },
  fetchImpl: Fetcher = fetcherFor('sso'),
): Promise<{ id: string; name: string; sv: number } | null> {
  if (!TICKET.test(input.ticket)) return null;
  if (!(await consumeProof(db, 'cas', input.ticket))) return null;
  const url = `${cas.baseUrl}/p3/serviceValidate?service=${encodeURIComponent(input.service)}&ticket=${encodeURIComponent(input.ticket)}`;
  const response = await fetchImpl(url, {});
  if (!response.ok) return null;
  const result = parseCasResponse(await response.text());
  if (!result.ok) return null;
  const a = result.attributes;
  return provisionSsoUser(db, {
    username: result.user,
    name: a.cn ?? a.name ?? a.displayName,
    email: a.mail ?? a.email,
    kind: a.userType ?? a.kind,
    orgUnitId: a.orgUnit ?? a.department,
  });
}
