import { NextResponse } from 'next/server';
import { readJson, route } from '@/lib/api/route';
import { batchTasksBody } from '@/lib/api/route-inputs';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { batchTasks } from '@/lib/instances/batch-tasks';

export const POST = route(async ({ req, user, locale }) => {
  const body = await readJson(req, batchTasksBody);
  const db = await getDb();
  return NextResponse.json(await batchTasks(db, user, body, await now(db), locale));
}, { permission: 'task.batch' });
