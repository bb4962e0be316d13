import { z } from 'zod';
import { env } from '../../env';
import { checkDestination, guardedFetch } from '../../net';

const metadataSchema = z.object({
  issuer: z.string().min(1),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  userinfo_endpoint: z.url().optional(),
  jwks_uri: z.url(),
  /** RP-initiated logout: where signing out of the app sends the browser (lib/auth/sso/oidc-logout.ts). */
  end_session_endpoint: z.url().optional(),
});
export type OidcMetadata = z.infer<typeof metadataSchema>;

const TTL_MS = 60 * 60_000;
let cached: { issuer: string; metadata: OidcMetadata; until: number } | null = null;

/**
 * The identity provider's endpoints from its discovery document, fetched through the outgoing-request
 * guard (and not by openid-client, which would connect wherever the document points): the issuer
 * must be the configured one, and every endpoint the server itself calls must pass the guard too.
 * Kept for an hour, so a sign-in costs no extra round trip.
 */
export async function discoverOidc(issuer: string, at = Date.now()): Promise<OidcMetadata> {
  if (cached && cached.issuer === issuer && cached.until > at) return cached.metadata;
  const response = await guardedFetch(`${issuer}/.well-known/openid-configuration`, { headers: { accept: 'application/json' } }, { purpose: 'sso' });
  if (!response.ok) throw new Error(`OIDC discovery answered HTTP ${response.status}`);
  const metadata = metadataSchema.parse(await response.json());
  if (metadata.issuer.replace(/\/+$/, '') !== issuer) throw new Error('OIDC discovery names another issuer');
  for (const url of [metadata.token_endpoint, metadata.jwks_uri, metadata.userinfo_endpoint]) {
    if (url) await checkDestination(url, { purpose: 'sso' });
  }
  cached = { issuer, metadata, until: at + TTL_MS };
  return metadata;
}

/** The networks openid-client's own connections (token, keys) are held to: see guardedLookup. */
export function ssoNetworks() {
  return env().net.outboundAllowed;
}
