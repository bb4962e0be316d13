import { NextResponse } from 'next/server';
import { readJson, route } from '@/lib/api/route';
import { taskPeopleQuery, taskSignerBody } from '@/lib/api/route-inputs';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { listEligiblePeople, signTask } from '@/lib/instances/task-operations';
import { parseInput } from '@/workflows/engine/validate';

/** The people who may be added as signers of this task, narrowed by ?q= (name, 工号, pinyin). */
export const GET = route<{ id: string }>(async ({ req, params, user }) => {
  const { q } = parseInput(taskPeopleQuery, Object.fromEntries(req.nextUrl.searchParams));
  return NextResponse.json(await listEligiblePeople(await getDb(), user, 'addSigner', params.id, q));
}, { permission: 'task.add-signer' });

/** 加签: a signer before the holder (signs first) or after (decides in their place). */
export const POST = route<{ id: string }>(async ({ req, params, user }) => {
  const db = await getDb();
  return NextResponse.json(await signTask(db, user, params.id, await readJson(req, taskSignerBody), await now(db)));
}, { permission: 'task.add-signer' });
