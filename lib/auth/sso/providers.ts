import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '../../db';
import { env } from '../../env';
import { guardedLookup } from '../../net';
import { casServiceUrl, validateCasTicket } from './cas';
import { ssoNetworks, type OidcMetadata } from './oidc-discovery';
import { provisionSsoUser } from './provision-user';
import { safeCallback } from './safe-callback';
import { signInWithWecomCode } from './wecom';

type Provider = NextAuthOptions['providers'][number];

const casInput = z.object({
  ticket: z.string().min(1).max(300),
  callbackUrl: z.string().max(500).default('/'),
  state: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
});
const wecomInput = z.object({ code: z.string().min(1).max(512) });

/** The single sign-on providers that are configured (env), in the order the login page shows them. */
export function ssoProviders(oidcMetadata?: OidcMetadata): Provider[] {
  const { sso, appUrl } = env();
  const providers: Provider[] = [];
  if (sso.oidc) {
    const oidc = sso.oidc;
    const params = { scope: 'openid profile email' };
    providers.push({
      id: 'oidc',
      name: oidc.name,
      type: 'oauth',
      // The endpoints come from our own guarded discovery (discoverOidc), handed over only on the
      // sign-in and callback requests that use them; openid-client's connections to them resolve
      // through the guard's lookup, so each is pinned to an address the guard accepted.
      ...(oidcMetadata
        ? {
            issuer: oidcMetadata.issuer,
            authorization: { url: oidcMetadata.authorization_endpoint, params },
            token: { url: oidcMetadata.token_endpoint },
            userinfo: { url: oidcMetadata.userinfo_endpoint },
            jwks_endpoint: oidcMetadata.jwks_uri,
          }
        : { authorization: { params } }),
      httpOptions: { lookup: guardedLookup(ssoNetworks()), timeout: 10_000 },
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      // The ID token is verified (signature, issuer, audience = our client id, expiry, and its nonce
      // against the one this browser's sign-in sent, kept in a signed cookie) by openid-client.
      idToken: true,
      checks: ['pkce', 'state', 'nonce'],
      async profile(profile: Record<string, unknown>) {
        const username = profile[oidc.usernameClaim];
        const user =
          typeof username === 'string'
            ? await provisionSsoUser(await getDb(), {
                username,
                name: typeof profile.name === 'string' ? profile.name : undefined,
                email: typeof profile.email === 'string' ? profile.email : undefined,
              })
            : null;
        if (!user) throw new Error('oidc identity has no usable campus id or the account is inactive');
        return { id: user.id, name: user.name, sv: user.sv };
      },
    });
  }
  if (sso.cas) {
    const cas = sso.cas;
    providers.push(
      CredentialsProvider({
        id: 'cas',
        name: cas.name,
        credentials: { ticket: { type: 'text' }, callbackUrl: { type: 'text' }, state: { type: 'text' } },
        async authorize(credentials) {
          const parsed = casInput.safeParse(credentials);
          if (!parsed.success) return null;
          const service = casServiceUrl(appUrl, safeCallback(parsed.data.callbackUrl), parsed.data.state);
          return validateCasTicket(await getDb(), cas, { ticket: parsed.data.ticket, service });
        },
      }),
    );
  }
  if (sso.wecom) {
    const wecom = sso.wecom;
    providers.push(
      CredentialsProvider({
        id: 'wecom',
        name: '企业微信',
        credentials: { code: { type: 'text' } },
        async authorize(credentials) {
          const parsed = wecomInput.safeParse(credentials);
          if (!parsed.success) return null;
          return signInWithWecomCode(await getDb(), wecom, parsed.data.code);
        },
      }),
    );
  }
  return providers;
}
