import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { actionTokens, tasks } from '@/db/schema';
import { isCandidate, type Actor } from '@/workflows/engine/actor';

/**
 * Signed, single-use, short-lived links that let a task's candidate act from a message.
 * The link names a token row (so it can be used once and expire) and carries an HMAC of it
 * (so a guessed or altered id is refused before the database is asked).
 */
export const ANY_ACTION = '*';

function key(secret: string): Buffer {
  return createHmac('sha256', secret).update('zj-action-link-v1').digest();
}

function sign(secret: string, id: string, expiresAt: Date): string {
  return createHmac('sha256', key(secret)).update(`${id}.${expiresAt.getTime()}`).digest('base64url');
}

export async function createActionToken(
  db: Db,
  secret: string,
  t: { userId: string; instanceId: string; taskId: string; action: string; now: Date; ttlMs: number },
): Promise<string> {
  const expiresAt = new Date(t.now.getTime() + t.ttlMs);
  const [row] = await db
    .insert(actionTokens)
    .values({ userId: t.userId, instanceId: t.instanceId, taskId: t.taskId, action: t.action, expiresAt, createdAt: t.now })
    .returning({ id: actionTokens.id });
  return `${row!.id}.${expiresAt.getTime().toString(36)}.${sign(secret, row!.id, expiresAt)}`;
}

export type TokenProblem = 'invalid' | 'expired' | 'used' | 'other-user' | 'task-closed';
export type TokenCheck =
  | { ok: true; token: typeof actionTokens.$inferSelect }
  | { ok: false; problem: TokenProblem };

const SHAPE = /^([0-9a-f-]{36})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/;

/** Everything short of acting: signature, expiry, single use, the right person, a still-open task. */
export async function checkActionToken(db: Db, secret: string, raw: string, actor: Actor, now: Date): Promise<TokenCheck> {
  const m = SHAPE.exec(raw);
  if (!m) return { ok: false, problem: 'invalid' };
  const [, id, exp36, mac] = m as unknown as [string, string, string, string];
  const expiresAt = new Date(parseInt(exp36, 36));
  const expected = Buffer.from(sign(secret, id, expiresAt));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, problem: 'invalid' };
  const [token] = await db.select().from(actionTokens).where(eq(actionTokens.id, id));
  if (!token || token.expiresAt.getTime() !== expiresAt.getTime()) return { ok: false, problem: 'invalid' };
  if (token.userId !== actor.id) return { ok: false, problem: 'other-user' };
  if (token.usedAt) return { ok: false, problem: 'used' };
  if (token.expiresAt <= now) return { ok: false, problem: 'expired' };
  const [task] = await db.select().from(tasks).where(eq(tasks.id, token.taskId));
  if (!task || task.status !== 'open' || !isCandidate(actor, task)) return { ok: false, problem: 'task-closed' };
  return { ok: true, token };
}

/** Claims the token for one use; false when someone (another tab) used it first. */
export async function consumeActionToken(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(actionTokens)
    .set({ usedAt: now })
    .where(and(eq(actionTokens.id, id), isNull(actionTokens.usedAt)))
    .returning({ id: actionTokens.id });
  return rows.length === 1;
}

/** Gives the use back when the engine refused the action, so the person can try again. */
export async function releaseActionToken(db: Db, id: string): Promise<void> {
  await db.update(actionTokens).set({ usedAt: null }).where(eq(actionTokens.id, id));
}
