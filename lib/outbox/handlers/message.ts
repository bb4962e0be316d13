import { eq, sql } from 'drizzle-orm';
import { messages, type NotifyChannel } from '@/db/schema';
import { planDeliveriesSql } from '../../notify/plan-deliveries';
import type { OutboxHandler } from '../types';

/** Messages older than this are never pushed (a server down for a week does not flood people). */
export const MESSAGE_MAX_AGE_MS = 7 * 24 * 3600_000;

/**
 * A new in-app message ('message', written with it): fans out to one delivery per configured
 * channel, by the person's choices (lib/notify/plan-deliveries), due when this row was (so one
 * dispatch pass sends them). Running twice writes nothing twice.
 */
export function messageHandler(channels: NotifyChannel[], quietHours: { start: number; end: number } | null): OutboxHandler {
  return {
    kind: 'message',
    async deliver(row, { db, now }) {
      if (channels.length === 0) return { outcome: 'skipped', note: 'no channel configured' };
      if (!row.messageId) return { outcome: 'failed', error: 'no message' };
      const [m] = await db.select({ kind: messages.kind, params: messages.params, createdAt: messages.createdAt }).from(messages).where(eq(messages.id, row.messageId));
      if (!m) return { outcome: 'skipped', note: 'message deleted' };
      if (now.getTime() - m.createdAt.getTime() > MESSAGE_MAX_AGE_MS) return { outcome: 'skipped', note: 'too old to push' };
      const source = sql`(select ${messages.id} as id, ${messages.userId} as user_id from ${messages} where ${messages.id} = ${row.messageId})`;
      await db.execute(planDeliveriesSql(source, m, { channels, quietHours, now, dueAt: row.notBefore })!);
      return { outcome: 'sent', note: channels.join(', ') };
    },
  };
}
