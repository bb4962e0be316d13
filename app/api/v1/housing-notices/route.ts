import { NextResponse } from 'next/server';
import { readJson, route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { issueHousingNotices } from '@/lib/housing/issue-notices';
import { housingNoticesBody } from '@/lib/api/route-inputs';

const body = housingNoticesBody;

/** 资产管理处 validates (dryRun) and issues a notice list chunk by chunk. */
export const POST = route(async ({ req, user }) => {
  const input = await readJson(req, body);
  const db = await getDb();
  return NextResponse.json(await issueHousingNotices(db, user, input, await now(db)));
}, { permission: 'process.start' });
