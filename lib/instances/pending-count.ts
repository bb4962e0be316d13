import { sql } from 'drizzle-orm';
import { cache } from 'react';
import { messages } from '@/db/schema';
import { requireUserPage } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { openTaskCountSql } from './list-tasks';

/**
 * The portal's badges — open tasks (capped like countOpenTasks) and unread messages — in one
 * statement, once per request (React cache): the layout shows both, the home page the first.
 */
export const badgeCounts = cache(async (): Promise<{ pending: number; unread: number }> => {
  const db = await getDb();
  const user = await requireUserPage();
  const result = await db.execute(
    sql`select (${openTaskCountSql(user)}) as pending,
      (select count(*)::int from ${messages} where ${messages.userId} = ${user.id} and ${messages.readAt} is null) as unread`,
  );
  // postgres.js returns the rows, PGlite an object holding them.
  const rows = ((result as { rows?: unknown[] }).rows ?? (result as unknown as unknown[])) as Array<{ pending: number; unread: number }>;
  return { pending: Number(rows[0]?.pending ?? 0), unread: Number(rows[0]?.unread ?? 0) };
});

/** The signed-in user's open-task count, counted once per request for the badge and the home figure. */
export const pendingTaskCount = cache(async (): Promise<number> => (await badgeCounts()).pending);
