import { NextResponse } from 'next/server';
import { z } from 'zod';
import { userRoute } from '@/lib/api/route';
import { getDb } from '@/lib/db';
import { listTasks } from '@/lib/instances/list-tasks';
import { parseInput } from '@/workflows/engine/validate';

const query = z.object({ status: z.enum(['open', 'done'], { message: 'status 只能是 open 或 done' }).default('open') });

export const GET = userRoute(async ({ req, user }) => {
  const { status } = parseInput(query, Object.fromEntries(req.nextUrl.searchParams));
  return NextResponse.json({ tasks: await listTasks(await getDb(), user, status) });
});
