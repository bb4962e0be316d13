import { NextResponse } from 'next/server';
import { readJson, route } from '@/lib/api/route';
import { copyInstanceBody } from '@/lib/api/route-inputs';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { copyApplication } from '@/lib/instances/copy-application';

export const POST = route<{ id: string }>(async ({ req, params, user }) => {
  const body = await readJson(req, copyInstanceBody);
  const db = await getDb();
  return NextResponse.json(await copyApplication(db, user, params.id, body, await now(db)));
}, { permission: 'instance.copy' });
