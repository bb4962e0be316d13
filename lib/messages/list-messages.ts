import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { messages, processInstances } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';

/** A message, with the 办件编号 of the application it is about (people quote that number, not an id). */
export type MessageRow = typeof messages.$inferSelect & { caseNo: string | null };

export async function listMessages(db: Db, actor: Actor, limit = 100): Promise<MessageRow[]> {
  const rows = await db
    .select({ m: messages, caseNo: processInstances.caseNo })
    .from(messages)
    .leftJoin(processInstances, eq(processInstances.id, messages.instanceId))
    .where(eq(messages.userId, actor.id))
    .orderBy(desc(messages.createdAt))
    .limit(limit);
  return rows.map(({ m, caseNo }) => ({ ...m, caseNo }));
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

/**
 * Opening a message reads it: marks it read and returns where it points (the application, the
 * notice), from the stored row — never a link the browser sent — or null when it is not theirs.
 */
export async function openMessage(db: Db, actor: Actor, now: Date, id: string): Promise<string | null> {
  const [row] = await db
    .select({ link: messages.link, readAt: messages.readAt })
    .from(messages)
    .where(and(eq(messages.userId, actor.id), eq(messages.id, id)));
  if (!row) return null;
  if (!row.readAt) await markRead(db, actor, now, id);
  return row.link?.startsWith('/') && !row.link.startsWith('//') ? row.link : '/messages';
}
