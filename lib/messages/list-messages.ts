import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { messages } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';

export type MessageRow = typeof messages.$inferSelect;

export async function listMessages(db: Db, actor: Actor, limit = 100): Promise<MessageRow[]> {
  return db.select().from(messages).where(eq(messages.userId, actor.id)).orderBy(desc(messages.createdAt)).limit(limit);
}

export async function countUnread(db: Db, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(messages)
    .where(and(eq(messages.userId, actor.id), isNull(messages.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the caller's messages read, or all of them when no id is given. */
export async function markRead(db: Db, actor: Actor, now: Date, id?: string): Promise<void> {
  await db
    .update(messages)
    .set({ readAt: now })
    .where(and(eq(messages.userId, actor.id), isNull(messages.readAt), id ? eq(messages.id, id) : undefined));
}
