import { NextResponse } from 'next/server';
import { z } from 'zod';
import { migrateChosen } from '@/lib/admin/migration-dry-run';
import { readJson, userRoute } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';

const body = z.object({
  processId: z.string().regex(/^[a-z0-9-]{1,80}$/, '流程无效'),
  targetVersion: z.number().int().min(1),
  ids: z.array(z.string()).min(1, '请选择办件').max(1000),
});

export const POST = userRoute(async ({ req, user }) => {
  const db = await getDb();
  const b = await readJson(req, body);
  return NextResponse.json(await migrateChosen(db, user, b.processId, b.targetVersion, b.ids, await now(db)));
});
