import { NextResponse } from 'next/server';
import { z } from 'zod';
import { saveOrgUnit } from '@/lib/admin/people/manage-org-units';
import { readJson, route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';

export const POST = route(async ({ req, user }) => {
  const db = await getDb();
  return NextResponse.json(await saveOrgUnit(db, user, await readJson(req, z.unknown()), await now(db)));
}, { permission: 'admin.operate' });
