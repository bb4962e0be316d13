import { NextResponse } from 'next/server';
import { z } from 'zod';
import { cancelInstanceAsAdmin } from '@/lib/admin/operations';
import { readJson, userRoute } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';

const body = z.object({ reason: z.string().max(2000, '原因不能超过 2000 字'), expectedRevision: z.number().int().min(0).optional() });

export const POST = userRoute<{ id: string }>(async ({ req, params, user }) => {
  const db = await getDb();
  return NextResponse.json(await cancelInstanceAsAdmin(db, user, params.id, await readJson(req, body), await now(db)));
});
