import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { NOTIFY_CHANNELS, notifyPreferences, type NotifyChannel } from '@/db/schema';

/** Kinds a person may turn off; in-app messages of every kind stay in the message center. */
export const MUTABLE_KINDS = ['task.new', 'instance.update', 'instance.completed', 'instance.rejected', 'notice'] as const;

export interface Preferences {
  channels: NotifyChannel[];
  mutedKinds: string[];
  digest: boolean;
}

export const preferencesInput = z.object({
  channels: z.array(z.enum(NOTIFY_CHANNELS)).max(NOTIFY_CHANNELS.length),
  mutedKinds: z.array(z.enum(MUTABLE_KINDS)).max(MUTABLE_KINDS.length),
  digest: z.boolean(),
});

/** Without a saved choice: every channel the installation offers, nothing muted, digests on. */
export async function getPreferences(db: Db, userId: string, offered: NotifyChannel[]): Promise<Preferences> {
  const [row] = await db.select().from(notifyPreferences).where(eq(notifyPreferences.userId, userId));
  return row ? { channels: row.channels, mutedKinds: row.mutedKinds, digest: row.digest } : { channels: offered, mutedKinds: [], digest: true };
}

export async function savePreferences(db: Db, userId: string, prefs: Preferences, now: Date): Promise<void> {
  const values = { channels: [...new Set(prefs.channels)], mutedKinds: [...new Set(prefs.mutedKinds)], digest: prefs.digest, updatedAt: now };
  await db
    .insert(notifyPreferences)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: notifyPreferences.userId, set: values });
}

export function offeredChannels(cfg: { wecom: unknown; smtp: unknown; webpush: unknown }): NotifyChannel[] {
  return NOTIFY_CHANNELS.filter((c) => (c === 'wecom' ? cfg.wecom : c === 'email' ? cfg.smtp : cfg.webpush));
}
