import { NextResponse } from 'next/server';
import { idempotent } from '@/lib/api/idempotency';
import { route } from '@/lib/api/route';
import { receiveUpload } from '@/lib/uploads/receive-upload';

export const POST = route(
  idempotent(async ({ req, user }) => NextResponse.json(await receiveUpload(req, user.id), { status: 201 })),
  { permission: 'signed-in' },
);
