import { NextResponse } from 'next/server';
import { z } from 'zod';
import { reassignTaskAsAdmin } from '@/lib/admin/operations';
import { readJson, userRoute } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';

const body = z.object({ username: z.string().trim().min(1, '请填写学工号').max(64), comment: z.string().max(2000).optional() });

export const POST = userRoute<{ id: string }>(async ({ req, params, user }) => {
  const db = await getDb();
  return NextResponse.json(await reassignTaskAsAdmin(db, user, params.id, await readJson(req, body), await now(db)));
});
