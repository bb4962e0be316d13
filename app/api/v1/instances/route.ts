import { NextResponse } from 'next/server';
import { z } from 'zod';
import { idempotent } from '@/lib/api/idempotency';
import { readJson, userRoute } from '@/lib/api/route';
import { startApplication } from '@/lib/instances/start-application';

const body = z.object({
  process: z.string().min(1).max(100),
  input: z.unknown(),
});

export const POST = userRoute(
  idempotent(async ({ req, user }) => {
    const { process, input } = await readJson(req, body);
    const view = await startApplication(user, process, input);
    return NextResponse.json(view, { status: 201, headers: { Location: `/api/v1/instances/${view.id}` } });
  }),
);
