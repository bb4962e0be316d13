import { and, count, eq, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { messages, notifyPreferences, outbox, users } from '@/db/schema';
import { maskAddress, openSealed } from '../../notify/addressed-mail';
import type { ChannelSender } from '../../notify/channels/types';
import { composeDigest, composeMessage } from '../../notify/compose';
import { heldBy } from '../claim';
import type { OutboxHandler, OutboxRow, Outcome } from '../types';

export interface ChannelDeps {
  /** Signs action links in reminders. */
  secret: string;
  publicUrl: string;
  actionLinkTtlMs: number;
  /** From this many new-task reminders waiting for one person on one channel, one digest goes out. */
  digestThreshold: number;
}

/** What an e-mail addressed to someone without an account carries (lib/notify/addressed-mail). */
export interface AddressedPayload {
  to: string;
  topic: string;
  /** Sealed {title, text, url}; removed once sent. */
  sealed?: string;
}

/**
 * Delivers a message (or an addressed e-mail) on one channel — 'email', 'wecom' or 'webpush' —
 * in the recipient's language; a new-task reminder carries a single-use action link, and many of
 * them at once become one digest.
 */
export function channelHandler(sender: ChannelSender, deps: ChannelDeps): OutboxHandler {
  return {
    kind: sender.channel,
    async deliver(row, { db, now }) {
      const addressed = row.payload as Partial<AddressedPayload>;
      if (addressed.to) return sendAddressed(db, deps, sender, row, addressed as AddressedPayload);
      // Taken into a sibling's digest in this batch, or the lease was lost: nothing to do, and
      // nothing is recorded (the row is no longer held by this claim).
      const [current] = await db.select({ status: outbox.status }).from(outbox).where(heldBy(row));
      if (current?.status !== 'pending') return { outcome: 'skipped', note: 'in a digest' };
      const [m] = row.messageId ? await db.select().from(messages).where(eq(messages.id, row.messageId)) : [];
      const [user] = row.userId ? await db.select().from(users).where(eq(users.id, row.userId)) : [];
      if (!m || !user || !user.active) return { outcome: 'skipped', note: 'recipient inactive' };
      const ctx = { secret: deps.secret, publicUrl: deps.publicUrl, actionLinkTtlMs: deps.actionLinkTtlMs, now };
      const digested = m.kind === 'task.new' ? await takeDigest(db, deps, row, now) : [];
      let result: Outcome;
      try {
        const outgoing = digested.length > 0 ? composeDigest(ctx, user, digested.length + 1) : await composeMessage(db, ctx, m, user);
        result = outgoing
          ? await sender.send({ userId: user.id, username: user.username, email: user.email }, outgoing)
          : { outcome: 'skipped', note: 'task already handled' };
      } catch (error) {
        result = { outcome: 'retry', error: `internal: ${(error as Error).message}` };
      }
      if (digested.length > 0) {
        const sent = result.outcome === 'sent';
        await db
          .update(outbox)
          .set(sent ? { status: 'digested', lockedUntil: null, sentAt: now, note: `in digest ${row.id}` } : { status: 'pending', lockedUntil: null })
          .where(inArray(outbox.id, digested));
        if (result.outcome === 'sent' && !result.note) result = { outcome: 'sent', note: `digest of ${digested.length + 1}` };
      }
      return result;
    },
  };
}

/** A mail to an address: its sealed content as queued, wiped once it is out (it may hold a capability link). */
async function sendAddressed(db: Db, deps: ChannelDeps, sender: ChannelSender, row: OutboxRow, p: AddressedPayload): Promise<Outcome> {
  if (!p.sealed) return { outcome: 'skipped', note: 'no content' };
  const mail = await openSealed(db, p.sealed);
  const url = mail.url.startsWith('/') ? `${deps.publicUrl}${mail.url}` : mail.url;
  const result = await sender.send({ userId: '', username: '', email: p.to }, { title: mail.title, text: mail.text, url, urgent: false });
  if (result.outcome === 'sent' || result.outcome === 'skipped') {
    await db.update(outbox).set({ payload: sql`${outbox.payload} - 'sealed'` }).where(eq(outbox.id, row.id));
  }
  return result;
}

/** For the operations pages: an addressed row names its masked address and topic. */
export function addressedSummary(payload: unknown): { to: string; topic: string } | null {
  const p = payload as Partial<AddressedPayload> | null;
  return p?.to ? { to: maskAddress(p.to), topic: p.topic ?? 'email' } : null;
}

/**
 * When the person has many new-task reminders waiting on this channel, this row speaks for all
 * of them: the others are held (digested, under a lease of their own so their own claims in this
 * batch record nothing) and the caller sends one digest.
 */
async function takeDigest(db: Db, deps: ChannelDeps, row: OutboxRow, now: Date): Promise<string[]> {
  const userId = row.userId!;
  const [pref] = await db.select({ digest: notifyPreferences.digest }).from(notifyPreferences).where(eq(notifyPreferences.userId, userId));
  if (pref && !pref.digest) return [];
  const siblings = and(
    eq(outbox.userId, userId),
    eq(outbox.kind, row.kind),
    eq(outbox.status, 'pending'),
    ne(outbox.id, row.id),
    // Unclaimed, or claimed in this very batch (same lease); never a row another worker is sending.
    or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, now), eq(outbox.lockedUntil, row.lockedUntil!)),
    inArray(outbox.messageId, db.select({ id: messages.id }).from(messages).where(and(eq(messages.userId, userId), eq(messages.kind, 'task.new')))),
  );
  const [n] = await db.select({ n: count() }).from(outbox).where(siblings);
  if ((n?.n ?? 0) + 1 < deps.digestThreshold) return [];
  const taken = await db
    .update(outbox)
    .set({ status: 'digested', lockedUntil: new Date(row.lockedUntil!.getTime() + 1) })
    .where(siblings)
    .returning({ id: outbox.id });
  return taken.map((r) => r.id);
}
