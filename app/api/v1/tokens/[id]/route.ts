import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { revokeMyToken } from '@/lib/tokens/manage-tokens';

export const DELETE = route<{ id: string }>(async ({ params, user }) => {
  await revokeMyToken(user, params.id);
  return new NextResponse(null, { status: 204 });
}, { permission: 'token.manage' });
