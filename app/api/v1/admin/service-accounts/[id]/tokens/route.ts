import { NextResponse } from 'next/server';
import { readJson, route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { createTokenSchema } from '@/lib/tokens/create-token';
import { createServiceToken } from '@/lib/tokens/service-accounts';

export const POST = route<{ id: string }>(async ({ req, params, user }) => {
  if (user.tokenId) throw new AppError('FORBIDDEN', 'token management needs a session');
  const db = await getDb();
  const created = await createServiceToken(db, user, params.id, await readJson(req, createTokenSchema), await now(db));
  return NextResponse.json(created, { status: 201, headers: { 'Cache-Control': 'no-store' } });
}, { permission: 'admin.integrations' });
