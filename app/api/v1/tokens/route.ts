import { NextResponse } from 'next/server';
import { readJson, route } from '@/lib/api/route';
import { createTokenSchema } from '@/lib/tokens/create-token';
import { createMyToken } from '@/lib/tokens/manage-tokens';

/** Creates a token for the signed-in user; the secret is in this response and nowhere else. */
export const POST = route(async ({ req, user }) =>
  NextResponse.json(await createMyToken(user, await readJson(req, createTokenSchema)), { status: 201, headers: { 'Cache-Control': 'no-store' } }),
  { permission: 'token.issue' },
);
