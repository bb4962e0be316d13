import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { pushSubscriptions } from '@/db/schema';
import { AppError } from '@/workflows/engine/errors';
import { checkDestination, isOutboundError } from '../net';

const base64url = z.string().regex(/^[A-Za-z0-9_-]+=*$/);

export const subscriptionInput = z.object({
  endpoint: z.url().max(2000).refine((u) => u.startsWith('https://'), 'endpoint must be https'),
  keys: z.object({ p256dh: base64url.min(80).max(120), auth: base64url.min(16).max(32) }),
});
export type SubscriptionInput = z.infer<typeof subscriptionInput>;

/** A browser's subscription belongs to whoever subscribed last on it (shared devices change hands). */
export async function saveSubscription(db: Db, userId: string, s: SubscriptionInput, now: Date): Promise<void> {
  // Checked here and again at every send: the endpoint is where the server will open connections.
  await checkDestination(s.endpoint, { purpose: 'push' }).catch((error: unknown) => {
    if (!isOutboundError(error)) throw error;
    throw new AppError('INVALID_INPUT', error.message, error.userMessage, { fields: { endpoint: error.message } });
  });
  const values = { userId, p256dh: s.keys.p256dh, auth: s.keys.auth };
  await db
    .insert(pushSubscriptions)
    .values({ ...values, endpoint: s.endpoint, createdAt: now })
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: values });
}

export async function removeSubscription(db: Db, userId: string, endpoint: string): Promise<void> {
  await db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)));
}
