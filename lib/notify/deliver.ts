import { and, asc, count, eq, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { messages, notifyDeliveries, notifyPreferences, users, type NotifyChannel } from '@/db/schema';
import type { ChannelSender, SendResult } from './channels/types';
import { openSealed } from './addressed-mail';
import { composeDigest, composeMessage } from './compose';
import { retryDelayMs } from './schedule';

export type DeliveryRow = typeof notifyDeliveries.$inferSelect;

export interface DeliveryDeps {
  senders: Map<NotifyChannel, ChannelSender>;
  secret: string;
  publicUrl: string;
  actionLinkTtlMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxAttempts: number;
  digestThreshold: number;
}

/** How long a worker holds a claimed row; longer than any channel's timeout. */
const LEASE_MS = 60_000;

const claimable = (now: Date) =>
  and(
    eq(notifyDeliveries.status, 'pending'),
    lte(notifyDeliveries.nextAttemptAt, now),
    or(isNull(notifyDeliveries.lockedUntil), lt(notifyDeliveries.lockedUntil, now)),
  );

/** Claims up to `limit` due rows (SKIP LOCKED: several servers never claim the same row). */
export async function claimDue(db: Db, now: Date, limit: number): Promise<DeliveryRow[]> {
  const due = db
    .select({ id: notifyDeliveries.id })
    .from(notifyDeliveries)
    .where(claimable(now))
    .orderBy(asc(notifyDeliveries.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(notifyDeliveries)
    .set({ lockedUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${notifyDeliveries.attempts} + 1` })
    .where(inArray(notifyDeliveries.id, due))
    .returning();
}

/** Claims one row by id (the pg-boss worker), or null when it is not due or someone holds it. */
export async function claimOne(db: Db, id: string, now: Date): Promise<DeliveryRow | null> {
  const [row] = await db
    .update(notifyDeliveries)
    .set({ lockedUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${notifyDeliveries.attempts} + 1` })
    .where(and(eq(notifyDeliveries.id, id), claimable(now)))
    .returning();
  return row ?? null;
}

/**
 * Sends one claimed row on its channel and records the outcome. Never throws for a channel's
 * fault: a transient one schedules the next attempt (exponential backoff), up to maxAttempts.
 */
export async function deliverClaimed(db: Db, deps: DeliveryDeps, row: DeliveryRow, now: Date): Promise<DeliveryRow> {
  const held = and(eq(notifyDeliveries.id, row.id), eq(notifyDeliveries.lockedUntil, row.lockedUntil!));
  const [current] = await db.select({ status: notifyDeliveries.status }).from(notifyDeliveries).where(held);
  if (current?.status !== 'pending') return row; // digested by a sibling in the same batch, or the lease was lost

  let result: SendResult;
  let digested: string[] = [];
  try {
    const sender = deps.senders.get(row.channel);
    const [m] = row.messageId ? await db.select().from(messages).where(eq(messages.id, row.messageId)) : [];
    const [user] = row.userId ? await db.select().from(users).where(eq(users.id, row.userId)) : [];
    const ctx = { secret: deps.secret, publicUrl: deps.publicUrl, actionLinkTtlMs: deps.actionLinkTtlMs, now };
    if (!sender) result = { outcome: 'skipped', note: 'channel not configured' };
    else if (row.toAddress) result = await sendAddressed(db, deps, sender, row);
    else if (!m || !user || !user.active) result = { outcome: 'skipped', note: 'recipient inactive' };
    else {
      digested = m.kind === 'task.new' ? await takeDigest(db, deps, row, now) : [];
      const outgoing = digested.length > 0 ? composeDigest(ctx, user, digested.length + 1) : await composeMessage(db, ctx, m, user);
      result = outgoing
        ? await sender.send({ userId: user.id, username: user.username, email: user.email }, outgoing)
        : { outcome: 'skipped', note: 'task already handled' };
    }
  } catch (error) {
    result = { outcome: 'retry', error: `internal: ${(error as Error).message}` };
  }

  const done = { lockedUntil: null, sentAt: now };
  let set: Partial<DeliveryRow>;
  switch (result.outcome) {
    case 'sent':
      set = { ...done, status: 'sent', note: result.note ?? (digested.length ? `digest of ${digested.length + 1}` : null), lastError: null };
      break;
    case 'skipped':
      set = { lockedUntil: null, status: 'skipped', note: result.note };
      break;
    case 'failed':
      set = { lockedUntil: null, status: 'failed', lastError: result.error };
      break;
    case 'retry': {
      const giveUp = row.attempts >= deps.maxAttempts;
      set = {
        lockedUntil: null,
        status: giveUp ? 'failed' : 'pending',
        lastError: result.error,
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts, deps.retryBaseMs, deps.retryMaxMs)),
      };
    }
  }
  // An addressed mail's content (it may hold a capability link) lives only until it is out.
  if (row.toAddress && (set.status === 'sent' || set.status === 'skipped')) set.sealedContent = null;
  const [updated] = await db.update(notifyDeliveries).set(set).where(held).returning();
  if (digested.length > 0) {
    await db
      .update(notifyDeliveries)
      .set(
        result.outcome === 'sent'
          ? { status: 'digested', lockedUntil: null, sentAt: now, note: `in digest ${row.id}` }
          : { status: 'pending', lockedUntil: null },
      )
      .where(inArray(notifyDeliveries.id, digested));
  }
  return updated ?? row;
}

/** A row addressed to an e-mail address: its sealed mail, as it was queued. */
async function sendAddressed(db: Db, deps: DeliveryDeps, sender: ChannelSender, row: DeliveryRow): Promise<SendResult> {
  if (!row.sealedContent) return { outcome: 'skipped', note: 'no content' };
  const mail = await openSealed(db, row.sealedContent);
  const url = mail.url.startsWith('/') ? `${deps.publicUrl}${mail.url}` : mail.url;
  return sender.send({ userId: '', username: '', email: row.toAddress }, { title: mail.title, text: mail.text, url, urgent: false });
}

/**
 * When the person has many new-task reminders waiting on this channel, this row speaks for all
 * of them: the others are held (status digested) and the caller sends one digest.
 */
async function takeDigest(db: Db, deps: DeliveryDeps, row: DeliveryRow, now: Date): Promise<string[]> {
  const userId = row.userId!;
  const [pref] = await db.select({ digest: notifyPreferences.digest }).from(notifyPreferences).where(eq(notifyPreferences.userId, userId));
  if (pref && !pref.digest) return [];
  const siblings = and(
    eq(notifyDeliveries.userId, userId),
    eq(notifyDeliveries.channel, row.channel),
    eq(notifyDeliveries.status, 'pending'),
    ne(notifyDeliveries.id, row.id),
    // Unclaimed, or claimed in this very batch (same lease); never a row another worker is sending.
    or(isNull(notifyDeliveries.lockedUntil), lt(notifyDeliveries.lockedUntil, now), eq(notifyDeliveries.lockedUntil, row.lockedUntil!)),
    inArray(
      notifyDeliveries.messageId,
      db.select({ id: messages.id }).from(messages).where(and(eq(messages.userId, userId), eq(messages.kind, 'task.new'))),
    ),
  );
  const [n] = await db.select({ n: count() }).from(notifyDeliveries).where(siblings);
  if ((n?.n ?? 0) + 1 < deps.digestThreshold) return [];
  const taken = await db
    .update(notifyDeliveries)
    .set({ status: 'digested', lockedUntil: new Date(now.getTime() + LEASE_MS) })
    .where(siblings)
    .returning({ id: notifyDeliveries.id });
  return taken.map((r) => r.id);
}
