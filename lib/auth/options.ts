import bcrypt from 'bcryptjs';
import { eq } from 'drizzle-orm';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { users } from '@/db/schema';
import { rateLimitAddress } from '../client-ip';
import { getAuthSecret, getDb } from '../db';
import { env } from '../env';
import type { OidcMetadata } from './sso/oidc-discovery';
import { sameSitePath } from '../safe-url';
import { decodeSessionToken, encodeSessionToken } from './jwt-codec';
import { endSessions } from './sessions';
import { mayTryPassword, recordPasswordFailure, recordPasswordSuccess } from './login-throttle';
import { ssoProviders } from './sso/providers';

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

// Compared against when the user does not exist, so both paths cost one bcrypt check.
let dummyHash: string | undefined;
const getDummyHash = () => (dummyHash ??= bcrypt.hashSync('not-a-password', 10));

export const SESSION_MAX_AGE_S = 8 * 3600;

/**
 * next-auth configuration. Built per request because the secret may come from the database
 * (generated once per installation), which is only reachable at run time.
 */
export async function authOptions(opts: { oidcMetadata?: OidcMetadata } = {}): Promise<NextAuthOptions> {
  const providers: NextAuthOptions['providers'] = [];
  if (env().demoLogin) {
    providers.push(
      CredentialsProvider({
        name: 'password',
        credentials: { username: { type: 'text' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const { username, password } = parsed.data;
          const db = await getDb();
          const ip = rateLimitAddress(req.headers);
          const at = new Date();
          if (!(await mayTryPassword(db, username, ip, env().loginMaxPerIp, at))) throw new Error('throttled');
          const [user] = await db.select().from(users).where(eq(users.username, username));
          const ok = await bcrypt.compare(password, user?.passwordHash ?? getDummyHash());
          if (!user || !user.active || !user.passwordHash || !ok) {
            await recordPasswordFailure(db, username, ip, at);
            return null;
          }
          await recordPasswordSuccess(db, username, ip);
          return { id: user.id, name: user.name, sv: user.sessionVersion };
        },
      }),
    );
  }
  providers.push(...ssoProviders(opts.oidcMetadata));
  return {
    secret: await getAuthSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    // next-auth's token format with the HKDF key derived once per secret, not per request.
    jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
    pages: { signIn: '/login', error: '/login' },
    providers,
    // Sign-out ends the session on the server too: the cookie alone would stay valid for 8 hours.
    events: {
      async signOut({ token }) {
        const uid = (token as { uid?: unknown } | null)?.uid;
        if (typeof uid === 'string') await endSessions(await getDb(), uid);
      },
    },
    callbacks: {
      // After sign-in and sign-out: our own pages only, parsed as a browser would (lib/safe-url.ts).
      redirect({ url, baseUrl }) {
        const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
        return `${baseUrl}${sameSitePath(path) ?? '/'}`;
      },
      jwt({ token, user, account }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sv?: number }).sv ?? 0;
        }
        // Kept for signing out at the identity provider too (id_token_hint, lib/auth/sso/oidc-logout.ts).
        if (account?.provider === 'oidc' && typeof account.id_token === 'string') token.idt = account.id_token;
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv };
      },
    },
  };
}
