import { NextResponse } from 'next/server';
import { z } from 'zod';
import { grantRole } from '@/lib/admin/people/manage-users';
import { readJson, route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';

export const POST = route<{ id: string }>(async ({ req, params, user }) => {
  const db = await getDb();
  return NextResponse.json(await grantRole(db, user, params.id, await readJson(req, z.unknown()), await now(db)), { status: 201 });
}, { permission: 'admin.operate' });
