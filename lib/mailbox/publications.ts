import { and, desc, eq, ilike, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { mailboxPublications, processInstances, users } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { parseInput } from '@/workflows/engine/validate';
import { LETTER_CATEGORIES, LETTER_CONTENT_MAX, REPLY_MAX } from '@/workflows/presidents-mailbox/form';
import type { MailboxContext } from '@/workflows/presidents-mailbox/machine';
import { authorize, authorizeInstance } from '../policy';
import { redact } from './redact';

export interface PublicationDraft {
  subject: string;
  content: string;
  reply: string;
}

async function publishable(db: Db, id: string): Promise<MailboxContext & { writer: { name: string; username: string } | null }> {
  const [row] = await db.select().from(processInstances).where(eq(processInstances.id, id));
  const context = (row?.snapshot as { context: MailboxContext } | undefined)?.context;
  if (!row || row.processId !== 'presidents-mailbox' || !context) throw new AppError('NOT_FOUND', `letter ${id}`);
  if (!context.form.consentPublish) {
    throw new AppError('EVENT_NOT_ALLOWED', 'no consent', { zh: '来信人未同意公开，不能公开', en: 'The writer did not consent to publication' });
  }
  if (context.replies.length === 0) {
    throw new AppError('EVENT_NOT_ALLOWED', 'no reply yet', { zh: '答复审核通过后才能公开', en: 'Publish only after the reply is approved' });
  }
  // A named writer's account (an anonymous letter has none on it): masked like their name.
  const [writer] = row.applicantId ? await db.select({ name: users.name, username: users.username }).from(users).where(eq(users.id, row.applicantId)) : [];
  return { ...context, writer: writer ?? null };
}

/** What the office starts editing from: the letter and the reply with personal data masked. */
export async function suggestPublication(db: Db, id: string): Promise<PublicationDraft> {
  const context = await publishable(db, id);
  const names = [context.form.name ?? '', context.writer?.name ?? ''];
  const accounts = context.writer ? [context.writer.username] : [];
  return {
    subject: redact(context.form.subject, names, accounts),
    content: redact(context.form.content, names, accounts),
    reply: redact(context.replies.map((r) => r.text).join('\n\n'), names, accounts),
  };
}

export const publishSchema = z.object({
  subject: z.string().trim().min(1, '请填写主题').max(100, '主题不能超过 100 字'),
  content: z.string().trim().min(1, '请填写来信内容').max(LETTER_CONTENT_MAX),
  reply: z.string().trim().min(1, '请填写答复').max(REPLY_MAX),
});

/** Off the desk the letter does not exist (404); on it, only the office publishes (403). */
async function authorizePublish(db: Db, actor: Actor, id: string): Promise<void> {
  const letter = await authorizeInstance(db, actor, 'letter.desk', id);
  authorize(actor, 'letter.publish', letter);
}

/** Publishes (or updates) a letter on 公开回复: office only, with the writer's consent. */
export async function publishLetter(db: Db, actor: Actor, id: string, body: unknown, now: Date): Promise<void> {
  await authorizePublish(db, actor, id);
  const draft = parseInput(publishSchema, body);
  const context = await publishable(db, id);
  const values = { ...draft, category: context.form.category, publishedBy: actor.id, publishedAt: now };
  await db
    .insert(mailboxPublications)
    .values({ instanceId: id, ...values })
    .onConflictDoUpdate({ target: mailboxPublications.instanceId, set: values });
}

export async function unpublishLetter(db: Db, actor: Actor, id: string): Promise<void> {
  await authorizePublish(db, actor, id);
  await db.delete(mailboxPublications).where(eq(mailboxPublications.instanceId, id));
}

export interface PublicLetter {
  id: string;
  category: string;
  subject: string;
  content: string;
  reply: string;
  publishedAt: string;
}

/** 公开回复, searchable by category and text (LIKE with the user's text escaped). */
export async function listPublicLetters(db: Db, query: { category?: string; q?: string }): Promise<PublicLetter[]> {
  const category = LETTER_CATEGORIES.find((c) => c === query.category);
  const q = (query.q ?? '').trim().slice(0, 50).replace(/[\\%_]/g, (ch) => `\\${ch}`);
  const rows = await db
    .select()
    .from(mailboxPublications)
    .where(
      and(
        category ? eq(mailboxPublications.category, category) : undefined,
        q
          ? or(
              ilike(mailboxPublications.subject, `%${q}%`),
              ilike(mailboxPublications.content, `%${q}%`),
              ilike(mailboxPublications.reply, `%${q}%`),
            )
          : undefined,
      ),
    )
    .orderBy(desc(mailboxPublications.publishedAt))
    .limit(50);
  return rows.map((r) => ({
    id: r.instanceId,
    category: r.category,
    subject: r.subject,
    content: r.content,
    reply: r.reply,
    publishedAt: r.publishedAt.toISOString(),
  }));
}
