import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { getDb } from '@/lib/db';
import { getInstanceView } from '@/lib/instances/get-instance-view';

export const GET = route<{ id: string }>(async ({ params, user }) =>
  NextResponse.json(await getInstanceView(await getDb(), user, params.id)),
  { permission: 'instance.view' },
);
