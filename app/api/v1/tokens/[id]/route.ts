import { NextResponse } from 'next/server';
import { userRoute } from '@/lib/api/route';
import { revokeMyToken } from '@/lib/tokens/manage-tokens';

export const DELETE = userRoute<{ id: string }>(async ({ params, user }) => {
  await revokeMyToken(user, params.id);
  return new NextResponse(null, { status: 204 });
});
