import https from 'node:https';
import { eq } from 'drizzle-orm';
import webpush from 'web-push';
import type { Db } from '@/db/client';
import { pushSubscriptions } from '@/db/schema';
import type { ChannelSender } from './types';

export interface WebPushConfig {
  publicKey: string;
  privateKey: string;
  subject: string;
  insecureTls: boolean;
}

/**
 * Web Push (VAPID, aes128gcm) to every subscription of the user. A push service answering
 * 404/410 says the subscription is gone: it is removed, not retried.
 */
export function webPushSender(db: Db, config: WebPushConfig): ChannelSender {
  const agent = config.insecureTls ? new https.Agent({ rejectUnauthorized: false }) : undefined;
  return {
    channel: 'webpush',
    async send(recipient, message) {
      const subs = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, recipient.userId));
      if (subs.length === 0) return { outcome: 'skipped', note: 'no push subscription' };
      const payload = JSON.stringify({ title: message.title, body: message.text, url: message.url });
      let sent = 0;
      const errors: string[] = [];
      for (const sub of subs) {
        try {
          await webpush.sendNotification({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, payload, {
            vapidDetails: { subject: config.subject, publicKey: config.publicKey, privateKey: config.privateKey },
            TTL: 24 * 3600,
            urgency: message.urgent ? 'high' : 'normal',
            timeout: 10_000,
            ...(agent ? { agent } : {}),
          });
          sent++;
        } catch (error) {
          const status = (error as { statusCode?: number }).statusCode;
          if (status === 404 || status === 410) {
            await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, sub.id));
          } else {
            errors.push(status ? `HTTP ${status}` : (error as Error).message);
          }
        }
      }
      if (sent > 0) return errors.length ? { outcome: 'sent', note: `${errors.length} subscription(s) failed` } : { outcome: 'sent' };
      if (errors.length === 0) return { outcome: 'skipped', note: 'every subscription had expired and was removed' };
      return { outcome: 'retry', error: errors.join('; ') };
    },
  };
}
