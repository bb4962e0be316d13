import { NextResponse } from 'next/server';
import { migrateChosen } from '@/lib/admin/migration-dry-run';
import { readJson, route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { migrateInstancesBody } from '@/lib/api/route-inputs';

const body = migrateInstancesBody;

export const POST = route(async ({ req, user }) => {
  const db = await getDb();
  const b = await readJson(req, body);
  return NextResponse.json(await migrateChosen(db, user, b.processId, b.targetVersion, b.ids, await now(db)));
}, { permission: 'admin.operate' });
