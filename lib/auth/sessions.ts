import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';

/**
 * Ends every session a person holds, at its next request: sessions carry the users.session_version
 * they were made with (lib/auth/options.ts) and getCurrentUser refuses an older one. Used on
 * sign-out, deactivation and any change of roles, so a copied cookie stops working on the server.
 */
export async function endSessions(db: Db, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
