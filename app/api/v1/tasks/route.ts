import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { getDb } from '@/lib/db';
import { listTasks } from '@/lib/instances/list-tasks';
import { parseInput } from '@/workflows/engine/validate';
import { tasksQuery } from '@/lib/api/route-inputs';

const query = tasksQuery;

export const GET = route(async ({ req, user }) => {
  const { status } = parseInput(query, Object.fromEntries(req.nextUrl.searchParams));
  return NextResponse.json({ tasks: await listTasks(await getDb(), user, status) });
}, { permission: 'signed-in' });
