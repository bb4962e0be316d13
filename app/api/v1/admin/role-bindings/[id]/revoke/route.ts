import { NextResponse } from 'next/server';
import { revokeRole } from '@/lib/admin/people/manage-users';
import { route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';

export const POST = route<{ id: string }>(async ({ params, user }) => {
  const db = await getDb();
  return NextResponse.json(await revokeRole(db, user, params.id, await now(db)));
}, { permission: 'admin.operate' });
