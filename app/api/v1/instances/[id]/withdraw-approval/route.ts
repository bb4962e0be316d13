import { NextResponse } from 'next/server';
import { readJson, route } from '@/lib/api/route';
import { instanceOpBody } from '@/lib/api/route-inputs';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { operateOnInstance } from '@/lib/instances/instance-operations';

/** 撤回审批: an approver takes their decision back while the next step waits unacted. */
export const POST = route<{ id: string }>(async ({ req, params, user }) => {
  const db = await getDb();
  return NextResponse.json(await operateOnInstance(db, user, 'withdrawApproval', params.id, await readJson(req, instanceOpBody), await now(db)));
}, { permission: 'instance.withdraw-approval' });
