import { NextResponse } from 'next/server';
import { z } from 'zod';
import { setUserActive } from '@/lib/admin/people/manage-users';
import { readJson, userRoute } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';

const body = z.object({ active: z.boolean() });

export const POST = userRoute<{ id: string }>(async ({ req, params, user }) => {
  const db = await getDb();
  const { active } = await readJson(req, body);
  return NextResponse.json(await setUserActive(db, user, params.id, active, await now(db)));
});
