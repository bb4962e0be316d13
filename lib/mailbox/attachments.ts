import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { uploads } from '@/db/schema';
import { hashClaim } from '@/workflows/engine/attach-uploads';
import { AppError } from '@/workflows/engine/errors';
import { isUuid } from '../policy';
import { requireProof } from '../pow';
import { hitTieredLimit } from '../rate-limit';
import type { Storage } from '../storage';
import { saveUpload, type SavedUpload } from '../uploads/save-upload';
import { mailboxKey } from './capability';

/**
 * Attachments of 校长信箱 letters from writers without an account. Such an upload has no owner:
 * it is claimed by its id plus a secret returned once by the upload (stored only as a hash),
 * within an hour, by one new letter. Afterwards only the office, the assigned departments
 * (lib/uploads/read-upload.ts) and the letter's tracking link (readLetterAttachment) read it.
 */

/** How long an uploaded attachment waits for its letter. */
export const ATTACHMENT_CLAIM_MS = 3_600_000;
/** Uploads a client may make per hour (5 per letter × the 10 letters it may send); above ATTACHMENTS_BUSY from everyone the site is busy. */
export const ATTACHMENTS_PER_IP = 50;
export const ATTACHMENTS_BUSY = 2_000;
const WINDOW_MS = 3_600_000;

export interface LetterAttachmentUpload extends SavedUpload {
  /** Present it with the id when sending the letter (attachmentClaims): shown once, kept only hashed. */
  claim: string;
  claimExpiresAt: string;
}

/**
 * Refuses a client who uploaded too much this hour, counted before the body is read. While the
 * site is busy (only uploads a client's own limit let through count), a proof of work is the price.
 */
export async function assertMayUploadAttachment(db: Db, ip: string, proof: string | null, now: Date): Promise<void> {
  const { allowed, busy } = await hitTieredLimit(
    db,
    { client: `mailbox:upload:${ip}`, clientLimit: ATTACHMENTS_PER_IP, global: 'mailbox:upload:*', busyAbove: ATTACHMENTS_BUSY, windowMs: WINDOW_MS },
    now,
  );
  if (busy) await requireProof(db, await mailboxKey(db), proof, now);
  if (!allowed) {
    throw new AppError('RATE_LIMITED', 'mailbox attachment uploads rate-limited', {
      zh: '上传过于频繁，请稍后再试',
      en: 'Too many files uploaded from here. Please try again later.',
    });
  }
}

/**
 * One attachment for a letter not yet sent: rate limit, then read (size, magic bytes and a
 * generated key are saveUpload's checks, the same as every upload), stored without an owner.
 */
export async function uploadLetterAttachment(
  db: Db,
  storage: Storage,
  a: { ip: string; proof?: string | null; now: Date; maxBytes: number; read: () => Promise<{ name: string; bytes: Uint8Array }> },
): Promise<LetterAttachmentUpload> {
  await assertMayUploadAttachment(db, a.ip, a.proof ?? null, a.now);
  const file = await a.read();
  const claim = randomBytes(32).toString('base64url');
  const expiresAt = new Date(a.now.getTime() + ATTACHMENT_CLAIM_MS);
  const saved = await saveUpload(db, storage, file, null, a.maxBytes, { claim: { hash: hashClaim(claim), expiresAt }, at: a.now });
  return { ...saved, claim, claimExpiresAt: expiresAt.toISOString() };
}

/** A file of the letter the tracking link opened; any other id is the same 404. */
export async function readLetterAttachment(db: Db, storage: Storage, instanceId: string, uploadId: string) {
  const notFound = new AppError('NOT_FOUND', `letter attachment ${uploadId}`);
  if (!isUuid(uploadId)) throw notFound;
  const [row] = await db
    .select()
    .from(uploads)
    .where(and(eq(uploads.id, uploadId), eq(uploads.instanceId, instanceId)));
  if (!row) throw notFound;
  return { row, bytes: await storage.get(row.storageKey) };
}

export interface LetterAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

export async function listLetterAttachments(db: Db, instanceId: string): Promise<LetterAttachment[]> {
  return db
    .select({ id: uploads.id, filename: uploads.filename, contentType: uploads.contentType, size: uploads.size })
    .from(uploads)
    .where(eq(uploads.instanceId, instanceId))
    .orderBy(uploads.createdAt, uploads.id);
}

