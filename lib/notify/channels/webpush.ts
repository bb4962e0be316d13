import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import type { Db } from '@/db/client';
import { pushSubscriptions } from '@/db/schema';
import { guardedFetch, isOutboundError } from '../../net';
import type { ChannelSender } from './types';

export interface WebPushConfig {
  publicKey: string;
  privateKey: string;
  subject: string;
  insecureTls: boolean;
}

/**
 * Web Push (VAPID, aes128gcm) to every subscription of the user. A push service answering
 * 404/410 says the subscription is gone: it is removed, not retried. The request is built by
 * web-push (VAPID + encryption) and sent through the outgoing-request guard: an endpoint is a URL
 * any signed-in user chose, so it may only be a public address.
 */
export function webPushSender(db: Db, config: WebPushConfig): ChannelSender {
  return {
    channel: 'webpush',
    async send(recipient, message) {
      const subs = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, recipient.userId));
      if (subs.length === 0) return { outcome: 'skipped', note: 'no push subscription' };
      const payload = JSON.stringify({ title: message.title, body: message.text, url: message.url });
      let sent = 0;
      const errors: string[] = [];
      let refused: string | null = null;
      for (const sub of subs) {
        try {
          const request = webpush.generateRequestDetails({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, payload, {
            vapidDetails: { subject: config.subject, publicKey: config.publicKey, privateKey: config.privateKey },
            TTL: 24 * 3600,
            urgency: message.urgent ? 'high' : 'normal',
          });
          const response = await guardedFetch(
            request.endpoint,
            { method: request.method, headers: request.headers as Record<string, string>, body: new Uint8Array(request.body ?? []) },
            { purpose: 'push', insecureTls: config.insecureTls, timeoutMs: 10_000 },
          );
          if (response.status === 404 || response.status === 410) {
            await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, sub.id));
          } else if (response.ok) {
            sent++;
          } else {
            errors.push(`HTTP ${response.status}`);
          }
        } catch (error) {
          if (isOutboundError(error) && error.permanent) {
            // An endpoint the guard refuses (its name now resolves inside the network) is dropped like a gone one.
            await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, sub.id));
            refused = error.message;
          } else {
            // Guard and network failures carry a text safe to show; web-push's own are about the keys.
            errors.push((error as Error).message);
          }
        }
      }
      if (sent > 0) return errors.length ? { outcome: 'sent', note: `${errors.length} subscription(s) failed` } : { outcome: 'sent' };
      if (errors.length === 0 && refused) return { outcome: 'failed', error: refused };
      if (errors.length === 0) return { outcome: 'skipped', note: 'every subscription had expired and was removed' };
      return { outcome: 'retry', error: errors.join('; ') };
    },
  };
}
