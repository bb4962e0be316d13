import { NextResponse } from 'next/server';
import { z } from 'zod';
import { idempotent } from '@/lib/api/idempotency';
import { readJson, userRoute } from '@/lib/api/route';
import { sendInstanceEvent } from '@/lib/instances/send-instance-event';

const body = z.object({
  type: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, '未知的操作'),
  comment: z.string().max(2000, '意见不能超过 2000 字').optional(),
  input: z.unknown().optional(),
  expectedRevision: z.number().int().min(0).optional(),
});

export const POST = userRoute<{ id: string }>(
  idempotent(async ({ req, params, user }) => {
    const event = await readJson(req, body);
    return NextResponse.json(await sendInstanceEvent(user, params.id, event));
  }),
);
