import { NextResponse } from 'next/server';
import { readJson, route } from '@/lib/api/route';
import { taskHandBody, taskPeopleQuery } from '@/lib/api/route-inputs';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { handTask, listEligiblePeople } from '@/lib/instances/task-operations';
import { parseInput } from '@/workflows/engine/validate';

/** The people this task may be handed to (转办), narrowed by ?q= (name, 工号, pinyin). */
export const GET = route<{ id: string }>(async ({ req, params, user }) => {
  const { q } = parseInput(taskPeopleQuery, Object.fromEntries(req.nextUrl.searchParams));
  return NextResponse.json(await listEligiblePeople(await getDb(), user, 'transfer', params.id, q));
}, { permission: 'task.transfer' });

/** 转办: hands the task to a person (学工号) with a reason. */
export const POST = route<{ id: string }>(async ({ req, params, user }) => {
  const db = await getDb();
  return NextResponse.json(await handTask(db, user, 'transfer', params.id, await readJson(req, taskHandBody), await now(db)));
}, { permission: 'task.transfer' });
