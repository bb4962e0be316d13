import { NextResponse } from 'next/server';
import { readJson, route } from '@/lib/api/route';
import { getDb } from '@/lib/db';
import { createServiceAccount, serviceAccountSchema } from '@/lib/tokens/service-accounts';

export const POST = route(async ({ req, user }) =>
  NextResponse.json(await createServiceAccount(await getDb(), user, await readJson(req, serviceAccountSchema)), { status: 201 }),
  { permission: 'admin.integrations' },
);
