import { NextResponse } from 'next/server';
import { cancelInstanceAsAdmin } from '@/lib/admin/operations';
import { readJson, route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { cancelInstanceBody } from '@/lib/api/route-inputs';

const body = cancelInstanceBody;

export const POST = route<{ id: string }>(async ({ req, params, user }) => {
  const db = await getDb();
  return NextResponse.json(await cancelInstanceAsAdmin(db, user, params.id, await readJson(req, body), await now(db)));
}, { permission: 'admin.operate' });
