import { z } from 'zod';
import type { Db } from '@/db/client';
import { mailboxLetters } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import type { WorkingCalendar } from '@/workflows/engine/calendar';
import { AppError } from '@/workflows/engine/errors';
import { startInstance } from '@/workflows/engine/start-instance';
import { parseInput } from '@/workflows/engine/validate';
import { letterFormSchema } from '@/workflows/presidents-mailbox/form';
import { writerRef } from '../policy/writer';
import { hashToken, keyedHash, mailboxKey, newQueryCode, newToken, normaliseContact, trackingPath } from './capability';
import { assertMaySubmit } from './lookup-limit';
import { notifyWriterByEmail } from './writer-notice';

/** How long a tracking link works after it is issued (a re-issue starts a new year). */
export const TOKEN_LIFETIME_MS = 365 * 24 * 3_600_000;

/** The request body: the letter plus the honeypot, a field people never see and bots fill in. */
export const letterRequestSchema = z.object({
  letter: z.unknown(),
  website: z.string().max(200).optional(),
  /**
   * For attachments uploaded without an account (POST /api/v1/mailbox/attachments): each id in
   * letter.attachments with the claim secret its upload returned. A signed-in writer's own
   * uploads (POST /api/v1/uploads) need none.
   */
  attachmentClaims: z
    .array(z.object({ id: z.uuid('附件无效'), claim: z.string().min(1).max(100) }))
    .max(5, '最多 5 个附件')
    .optional(),
});

export interface SubmittedLetter {
  instanceId: string;
  trackingUrl: string;
  queryCode: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Starts a presidents-mailbox instance for anyone (with or without an account) and issues its
 * capabilities: the token and code are returned once and stored only as hashes.
 */
export async function submitLetter(
  db: Db,
  req: { body: unknown; actor: Actor | null; ip: string; proof?: string | null; now: Date; origin: string; calendar?: WorkingCalendar },
): Promise<SubmittedLetter> {
  const { letter, website, attachmentClaims } = parseInput(letterRequestSchema, req.body);
  if (website) {
    throw new AppError('INVALID_INPUT', 'honeypot filled', { zh: '提交失败，请刷新页面后重试', en: 'Could not send; reload the page and try again' });
  }
  const form = parseInput(letterFormSchema, letter);
  await assertMaySubmit(db, { ip: req.ip, signedIn: req.actor !== null, proof: req.proof ?? null }, req.now);

  const token = newToken();
  const queryCode = newQueryCode();
  const key = await mailboxKey(db);
  const contact = form.contact ? normaliseContact(form.contact) : null;
  const email = form.contact && EMAIL.test(form.contact) ? form.contact.trim() : null;
  const trackingUrl = `${req.origin}${trackingPath(token)}`;
  // Anonymous means anonymous to every staff view: the letter starts without an applicant (no
  // name, account or department on the instance, its events, messages, webhooks or statistics),
  // and a name typed into the form is dropped. The writer's own views find it by writerRef.
  const anonymous = form.anonymous;
  const input = anonymous ? { ...form, name: undefined } : form;
  const ref = req.actor ? await writerRef(db, req.actor.id) : null;
  const { instance } = await startInstance(db, {
    processId: 'presidents-mailbox',
    actor: anonymous ? null : req.actor,
    input,
    now: req.now,
    calendar: req.calendar,
    anonymousName: '',
    uploadClaims: new Map((attachmentClaims ?? []).map((c) => [c.id, c.claim])),
    alongside: async (tx, result) => {
      await tx.insert(mailboxLetters).values({
        instanceId: result.instance.id,
        tokenHash: hashToken(token),
        codeHash: keyedHash(key, queryCode),
        contactHash: contact ? keyedHash(key, contact) : null,
        email,
        writerRef: ref,
        tokenIssuedAt: req.now,
        tokenExpiresAt: new Date(req.now.getTime() + TOKEN_LIFETIME_MS),
        createdAt: req.now,
      });
      // The link and code by e-mail, queued with the letter: both commit or neither.
      if (email) await notifyWriterByEmail(tx, { instanceId: result.instance.id, to: email, kind: 'received', trackingUrl, queryCode, now: req.now });
    },
  });
  return { instanceId: instance.id, trackingUrl, queryCode };
}
