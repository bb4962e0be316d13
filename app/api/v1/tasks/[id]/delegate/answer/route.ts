import { NextResponse } from 'next/server';
import { readJson, route } from '@/lib/api/route';
import { taskAnswerBody } from '@/lib/api/route-inputs';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { answerTask } from '@/lib/instances/task-operations';

/** The delegate's opinion (委派回复): the task goes back to whoever delegated it. */
export const POST = route<{ id: string }>(async ({ req, params, user }) => {
  const db = await getDb();
  return NextResponse.json(await answerTask(db, user, params.id, await readJson(req, taskAnswerBody), await now(db)));
}, { permission: 'task.answer' });
