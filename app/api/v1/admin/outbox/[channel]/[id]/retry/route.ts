import { NextResponse } from 'next/server';
import { retryDelivery } from '@/lib/admin/outbox-hooks';
import { audit } from '@/lib/admin/people/audit';
import { userRoute } from '@/lib/api/route';
import { requireOperator } from '@/lib/authz-admin';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';

export const POST = userRoute<{ channel: string; id: string }>(async ({ params, user }) => {
  requireOperator(user);
  const db = await getDb();
  await retryDelivery(db, params.channel, params.id);
  await audit(db, { actorId: user.id, action: 'outbox.retry', target: `${params.channel}:${params.id}`, at: await now(db) });
  return NextResponse.json({ ok: true });
});
