import { NextResponse } from 'next/server';
import { idempotent } from '@/lib/api/idempotency';
import { readJson, route } from '@/lib/api/route';
import { startApplication } from '@/lib/instances/start-application';
import { startInstanceBody } from '@/lib/api/route-inputs';

const body = startInstanceBody;

export const POST = route(
  idempotent(async ({ req, user }) => {
    const { process, input } = await readJson(req, body);
    const view = await startApplication(user, process, input);
    return NextResponse.json(view, { status: 201, headers: { Location: `/api/v1/instances/${view.id}` } });
  }),
  { permission: 'process.start' },
);
