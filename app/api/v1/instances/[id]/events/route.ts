import { NextResponse } from 'next/server';
import { idempotent } from '@/lib/api/idempotency';
import { readJson, route } from '@/lib/api/route';
import { sendInstanceEvent } from '@/lib/instances/send-instance-event';
import { instanceEventBody, instanceEventQuery } from '@/lib/api/route-inputs';
import { parseInput } from '@/workflows/engine/validate';

const body = instanceEventBody;
const query = instanceEventQuery;

export const POST = route<{ id: string }>(
  idempotent(async ({ req, params, user }) => {
    const { view } = parseInput(query, Object.fromEntries(req.nextUrl.searchParams));
    const event = await readJson(req, body);
    return NextResponse.json(await sendInstanceEvent(user, params.id, event, { view }));
  }),
  { permission: 'instance.act' },
);
