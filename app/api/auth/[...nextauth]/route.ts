import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { route } from '@/lib/api/route';
import { authOptions } from '@/lib/auth/options';
import { discoverOidc } from '@/lib/auth/sso/oidc-discovery';
import { oidcEndSessionUrl, sendSignOutTo } from '@/lib/auth/sso/oidc-logout';
import { env } from '@/lib/env';

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Options are built per request: the secret may live in the database.
async function handler(req: NextRequest, ctx: Ctx): Promise<Response> {
  const [action, provider] = (await ctx.params).nextauth;
  const oidc = env().sso.oidc;
  // Only signing in through OIDC needs the identity provider's endpoints; every other request
  // (the session, sign-out, password login) must not wait on, or fail with, the provider.
  if (oidc && provider === 'oidc' && (action === 'signin' || action === 'callback')) {
    let oidcMetadata;
    try {
      oidcMetadata = await discoverOidc(oidc.issuer);
    } catch (error) {
      console.error(`[sso] OIDC discovery failed: ${(error as Error).message}`);
      return NextResponse.redirect(new URL('/login?error=OAuthSignin', env().appUrl));
    }
    return NextAuth(req, ctx, await authOptions({ oidcMetadata }));
  }
  if (action === 'signout' && req.method === 'POST') {
    // Read before next-auth clears the session cookie: an OIDC session ends at the provider too.
    const endSession = await oidcEndSessionUrl(req);
    const response = await NextAuth(req, ctx, await authOptions());
    return endSession ? sendSignOutTo(response, endSession) : response;
  }
  return NextAuth(req, ctx, await authOptions());
}

/** next-auth's sign-in, callback, session and sign-out endpoints establish who the user is. */
type Params = { nextauth: string[] };
export const GET = route<Params>(({ req, params }) => handler(req, { params: Promise.resolve(params) }), { permission: { public: 'next-auth: signs people in and out' } });
export const POST = route<Params>(({ req, params }) => handler(req, { params: Promise.resolve(params) }), { permission: { public: 'next-auth: signs people in and out' } });
