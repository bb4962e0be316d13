import bcrypt from 'bcryptjs';
import { eq } from 'drizzle-orm';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { users } from '@/db/schema';
import { rateLimitAddress } from '../client-ip';
import { getAuthSecret, getDb } from '../db';
import { env } from '../env';
import { hitRateLimit, resetRateLimit } from '../rate-limit';
import type { OidcMetadata } from './sso/oidc-discovery';
import { ssoProviders } from './sso/providers';

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

// Compared against when the user does not exist, so both paths cost one bcrypt check.
let dummyHash: string | undefined;
const getDummyHash = () => (dummyHash ??= bcrypt.hashSync('not-a-password', 10));
const WINDOW_MS = 15 * 60_000;

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
          const accountKey = `login:user:${username.toLowerCase()}`;
          const ipOk = await hitRateLimit(db, `login:ip:${rateLimitAddress(req.headers)}`, env().loginMaxPerIp, WINDOW_MS);
          const accountOk = await hitRateLimit(db, accountKey, 10, WINDOW_MS);
          if (!ipOk || !accountOk) throw new Error('throttled');
          const [user] = await db.select().from(users).where(eq(users.username, username));
          const ok = await bcrypt.compare(password, user?.passwordHash ?? getDummyHash());
          if (!user || !user.active || !user.passwordHash || !ok) return null;
          await resetRateLimit(db, accountKey);
          return { id: user.id, name: user.name, sv: user.sessionVersion };
        },
      }),
    );
  }
  providers.push(...ssoProviders(opts.oidcMetadata));
  return {
    secret: await getAuthSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: '/login', error: '/login' },
    providers,
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sv?: number }).sv ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv };
      },
    },
  };
}
