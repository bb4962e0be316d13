import { NextResponse } from 'next/server';
import { z } from 'zod';
import { importPeople } from '@/lib/admin/people/import-people';
import { readJson, userRoute } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';

const body = z.object({ csv: z.string().max(5_000_000, 'CSV 文件不能超过 5 MB') });

/** All or nothing: 200 with counts, or 400 with the validation report and nothing written. */
export const POST = userRoute(async ({ req, user }) => {
  const db = await getDb();
  const { csv } = await readJson(req, body);
  const result = await importPeople(db, user, csv, await now(db));
  return NextResponse.json(result, { status: result.ok ? 200 : 400 });
});
