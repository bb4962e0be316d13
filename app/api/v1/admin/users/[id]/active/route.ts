import { NextResponse } from 'next/server';
import { setUserActive } from '@/lib/admin/people/manage-users';
import { readJson, route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { userActiveBody } from '@/lib/api/route-inputs';

const body = userActiveBody;

export const POST = route<{ id: string }>(async ({ req, params, user }) => {
  const db = await getDb();
  const { active } = await readJson(req, body);
  return NextResponse.json(await setUserActive(db, user, params.id, active, await now(db)));
}, { permission: 'admin.operate' });
