import { createHash, timingSafeEqual } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { Queryable, Tx } from '@/db/client';
import { uploads } from '@/db/schema';
import { AppError } from './errors';

export interface AttachmentRef {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface AttachRules {
  /** The actor's id: their own unattached uploads may be attached. null: someone without an account. */
  ownerId: string | null;
  /** The instance being started or advanced (an upload already on it may be named again). */
  instanceId: string;
  now: Date;
  /**
   * Claim secrets by upload id, for uploads without an owner (校长信箱 writers without an
   * account). Only a new letter passes them: such an upload is attached once, never moved.
   */
  claims?: ReadonlyMap<string, string>;
}

/** How a claim secret is kept: SHA-256 (hex) of the 256-bit secret. */
export function hashClaim(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function claimMatches(stored: string | null, given: string | undefined): boolean {
  if (!stored || !given) return false;
  const a = Buffer.from(stored, 'hex');
  const b = Buffer.from(hashClaim(given.slice(0, 200)), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks that each upload may go on this instance, and returns what the event log records of
 * them (the SHA-256 is the evidence trace). An upload qualifies when it is
 * - the actor's own and not attached elsewhere, or
 * - owner-less, never attached, unexpired, and its claim secret is presented (knowing the id
 *   alone is not enough: an anonymous upload cannot be taken by someone else).
 * The rows are locked, so two requests cannot attach the same upload. Link them with
 * linkUploads once the instance row exists.
 */
export async function findAttachableUploads(tx: Tx, ids: string[], rules: AttachRules): Promise<AttachmentRef[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await tx.select().from(uploads).where(inArray(uploads.id, unique)).for('update');
  const ok = rows.filter((u) => {
    if (rules.ownerId !== null && u.ownerId === rules.ownerId) return u.instanceId === null || u.instanceId === rules.instanceId;
    if (u.ownerId !== null) return false;
    return (
      u.instanceId === null &&
      u.claimExpiresAt !== null &&
      u.claimExpiresAt > rules.now &&
      claimMatches(u.claimHash, rules.claims?.get(u.id))
    );
  });
  if (ok.length !== unique.length) {
    throw new AppError('INVALID_INPUT', 'unknown, foreign, used or unclaimed upload id', {
      zh: '附件无效或已被使用，请重新上传',
      en: 'An attachment is invalid or already used; please upload it again',
    });
  }
  return ok.map((u) => ({ id: u.id, filename: u.filename, contentType: u.contentType, size: u.size, sha256: u.sha256 }));
}

/** The statement, not started: commit starts it in its place among the transition's writes. */
export function linkUploads(tx: Queryable, attachments: AttachmentRef[], instanceId: string): PromiseLike<unknown> {
  // The claim is spent: its hash goes, so the secret opens nothing any more.
  return tx
    .update(uploads)
    .set({ instanceId, claimHash: null })
    .where(inArray(uploads.id, attachments.map((a) => a.id)));
}
