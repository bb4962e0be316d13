import { NextResponse } from 'next/server';
import { idempotent } from '@/lib/api/idempotency';
import { readJson, route } from '@/lib/api/route';
import { sendInstanceEvent } from '@/lib/instances/send-instance-event';
import { instanceEventBody } from '@/lib/api/route-inputs';

const body = instanceEventBody;

export const POST = route<{ id: string }>(
  idempotent(async ({ req, params, user }) => {
    const event = await readJson(req, body);
    return NextResponse.json(await sendInstanceEvent(user, params.id, event));
  }),
  { permission: 'instance.act' },
);
