import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { instanceEvents, mailboxPublications, processInstances, tasks, users } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { isCandidate } from '@/workflows/engine/actor';
import type { MailboxContext } from '@/workflows/presidents-mailbox/machine';
import { satisfactionLevel, type Label, type SatisfactionLevel } from '../labels';
import { activeStates, restoreSnapshot, stepLabels } from '@/workflows/engine/snapshot';
import { getDefinition } from '@/workflows/registry';
import { ratingOf } from '../instances/reopened-by-rating';
import { listLetterAttachments, type LetterAttachment } from './attachments';
import { audienceOf, authorizeInstance, fieldsFor, isMailboxOffice } from '../policy';
import { suggestPublication, type PublicationDraft } from './publications';

export interface DeskLetterView {
  id: string;
  /** 办件编号, the number people quote. */
  caseNo: string | null;
  /** The definition version the letter runs on (its words and actions come from it). */
  processVersion: number;
  state: string;
  /** The current step in words: the top-level state and the inner ones where someone has work. */
  stateLabels: Label[];
  status: string;
  revision: number;
  createdAt: string;
  context: MailboxContext;
  /** The writer's account name; null when anonymous or written without an account. */
  writerName: string | null;
  /** Event types the viewer may send now (from their open tasks). */
  actions: string[];
  /** For a department handler: the org units they act for on this letter. */
  myOrgs: string[];
  history: Array<{
    seq: number;
    type: string;
    fromState: string | null;
    actorName: string | null;
    actorRole: string;
    comment: string | null;
    at: string;
    /** The writer's 好差评 a rating event carried, as its level (words from lib/labels). */
    rating: SatisfactionLevel | null;
    /** What the writer wrote with the rating (the 差评 a department answers to). */
    ratingComment: string | null;
  }>;
  isOffice: boolean;
  /** The writer's files, read through /api/v1/uploads/{id} (lib/uploads/read-upload.ts). */
  attachments: LetterAttachment[];
  publication: (PublicationDraft & { published: boolean }) | null;
}

/** One letter as the office or an assigned department sees it, with what the viewer may do. */
export async function getDeskLetter(db: Db, actor: Actor, id: string): Promise<DeskLetterView> {
  const letter = await authorizeInstance(db, actor, 'letter.desk', id);
  // The desk is staff: an anonymous writer is not named here, nor their account (lib/policy/views.ts).
  const { writerIdentity } = fieldsFor(audienceOf(actor, letter), letter);
  const [row] = await db.select().from(processInstances).where(eq(processInstances.id, id));
  const stored = (row!.snapshot as { context: MailboxContext }).context;
  const context: MailboxContext = writerIdentity ? stored : { ...stored, applicantId: null, form: { ...stored.form, name: undefined } };
  const [events, open, writer, published, attachments] = await Promise.all([
    db
      .select({ e: instanceEvents, actorName: users.name })
      .from(instanceEvents)
      .leftJoin(users, eq(users.id, instanceEvents.actorId))
      .where(eq(instanceEvents.instanceId, id))
      .orderBy(asc(instanceEvents.seq)),
    db.select().from(tasks).where(and(eq(tasks.instanceId, id), eq(tasks.status, 'open'))),
    row!.applicantId && writerIdentity ? db.select({ name: users.name }).from(users).where(eq(users.id, row!.applicantId)) : [],
    db.select().from(mailboxPublications).where(eq(mailboxPublications.instanceId, id)),
    listLetterAttachments(db, id),
  ]);
  const mine = open.filter((t) => isCandidate(actor, t));
  const office = isMailboxOffice(actor);
  let publication: DeskLetterView['publication'] = null;
  if (office && context.form.consentPublish && context.replies.length > 0) {
    publication = published[0]
      ? { subject: published[0].subject, content: published[0].content, reply: published[0].reply, published: true }
      : { ...(await suggestPublication(db, id)), published: false };
  }
  return {
    id,
    caseNo: row!.caseNo,
    processVersion: row!.processVersion,
    state: row!.state,
    stateLabels: stepLabels(activeStates(restoreSnapshot(getDefinition(row!.processId, row!.processVersion).machine, row!.snapshot))),
    status: row!.status,
    revision: row!.revision,
    createdAt: row!.createdAt.toISOString(),
    context,
    writerName: writerIdentity ? (writer[0]?.name ?? context.form.name ?? null) : null,
    actions: [...new Set(mine.flatMap((t) => t.actions))],
    myOrgs: mine.filter((t) => t.role === 'handler' && t.orgUnitId).map((t) => t.orgUnitId!),
    history: events.map(({ e, actorName }) => ({
      seq: e.seq,
      type: e.type,
      fromState: e.fromState,
      actorName: e.actorRole === 'applicant' && !writerIdentity ? null : actorName,
      actorRole: e.actorRole,
      comment: e.comment,
      at: e.at.toISOString(),
      rating: e.type === 'rate' ? satisfactionLevel((e.payload as { form?: { rating?: unknown } }).form?.rating) : null,
      ratingComment: e.type === 'rate' ? (ratingOf(e.payload)?.comment ?? null) : null,
    })),
    isOffice: office,
    attachments,
    publication,
  };
}
