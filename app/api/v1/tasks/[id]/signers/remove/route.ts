import { NextResponse } from 'next/server';
import { readJson, route } from '@/lib/api/route';
import { instanceOpBody } from '@/lib/api/route-inputs';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { removeSignerAs } from '@/lib/instances/task-operations';

/** 减签: the holder removes the signer they added, who has not acted yet. */
export const POST = route<{ id: string }>(async ({ req, params, user }) => {
  const db = await getDb();
  return NextResponse.json(await removeSignerAs(db, user, params.id, await readJson(req, instanceOpBody), await now(db)));
}, { permission: 'task.remove-signer' });
