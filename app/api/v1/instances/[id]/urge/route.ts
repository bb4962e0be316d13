import { NextResponse } from 'next/server';
import { readJson, route } from '@/lib/api/route';
import { instanceOpBody } from '@/lib/api/route-inputs';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { operateOnInstance } from '@/lib/instances/instance-operations';

/** 催办: the applicant urges a step past its time limit (once a working day per step). */
export const POST = route<{ id: string }>(async ({ req, params, user }) => {
  const db = await getDb();
  return NextResponse.json(await operateOnInstance(db, user, 'urge', params.id, await readJson(req, instanceOpBody), await now(db)));
}, { permission: 'instance.urge' });
