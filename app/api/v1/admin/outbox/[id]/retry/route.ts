import { NextResponse } from 'next/server';
import { audit } from '@/lib/admin/people/audit';
import { route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { retryFailedDelivery } from '@/lib/outbox/failed-deliveries';
import { authorize, isUuid } from '@/lib/policy';
import { AppError } from '@/workflows/engine/errors';

/** An operator puts a failed delivery (any kind) back in the queue; audited. The one retry of the outbox. */
export const POST = route<{ id: string }>(
  async ({ params, user }) => {
    authorize(user, 'admin.operate');
    if (!isUuid(params.id)) throw new AppError('NOT_FOUND', `delivery ${params.id}`, { zh: '找不到该投递', en: 'No such delivery' });
    const db = await getDb();
    const at = await now(db);
    const requeued = await db.transaction(async (tx) => {
      const done = await retryFailedDelivery(tx, params.id, at);
      if (done) await audit(tx, { actorId: user.id, action: 'outbox.retry', target: `outbox:${params.id}`, at });
      return done;
    });
    return NextResponse.json({ ok: true, requeued });
  },
  { permission: 'admin.operate' },
);
