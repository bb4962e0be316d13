import { NextResponse } from 'next/server';
import { z } from 'zod';
import { readJson, userRoute } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { issueHousingNotices } from '@/lib/housing/issue-notices';

const body = z.object({
  csv: z.string({ message: '请粘贴或上传 CSV' }).max(2_000_000, 'CSV 过大'),
  dryRun: z.boolean().optional(),
  from: z.number().int().min(0).optional(),
});

/** 资产管理处 validates (dryRun) and issues a notice list chunk by chunk. */
export const POST = userRoute(async ({ req, user }) => {
  const input = await readJson(req, body);
  const db = await getDb();
  return NextResponse.json(await issueHousingNotices(db, user, input, await now(db)));
});
