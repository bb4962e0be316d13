import { NextResponse } from 'next/server';
import { importPeople } from '@/lib/admin/people/import-people';
import { readJson, route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { importPeopleBody } from '@/lib/api/route-inputs';

const body = importPeopleBody;

/** All or nothing: 200 with counts, or 400 with the validation report and nothing written. */
export const POST = route(async ({ req, user }) => {
  const db = await getDb();
  const { csv } = await readJson(req, body);
  const result = await importPeople(db, user, csv, await now(db));
  return NextResponse.json(result, { status: result.ok ? 200 : 400 });
}, { permission: 'admin.operate' });
