import { and, desc, eq, gte, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { processInstances } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import type { MailboxContext } from '@/workflows/presidents-mailbox/machine';
import { authorizeInstance, isMailboxOffice, MAILBOX_PROCESS } from '../policy';
import { bigramDice } from './similarity';

export interface DuplicateCandidate {
  id: string;
  /** 流水号, what the office recognises a letter by. */
  caseNo: string | null;
  subject: string;
  createdAt: string;
  /** 0 … 1: how alike subject and content are. */
  score: number;
}

/** Letters older than this are not offered: a duplicate is written while the first is still open. */
const WINDOW_DAYS = 180;
/** Letters compared at most: the newest open ones. */
const SCAN = 300;
const SHOWN = 6;
/** Content is long and varied; the subject says what a letter is about. */
const SUBJECT_WEIGHT = 0.6;

/**
 * 合并为重复来信: the open letters most like this one by subject and content (bigram Dice,
 * computed here so PGlite and PostgreSQL rank alike), best first. Only the office merges.
 */
export async function duplicateCandidates(db: Db, actor: Actor, id: string, now: Date): Promise<DuplicateCandidate[]> {
  await authorizeInstance(db, actor, 'letter.desk', id);
  if (!isMailboxOffice(actor)) return [];
  const [self] = await db.select({ snapshot: processInstances.snapshot }).from(processInstances).where(eq(processInstances.id, id));
  const form = (self!.snapshot as { context: MailboxContext }).context.form;
  const rows = await db
    .select({ id: processInstances.id, caseNo: processInstances.caseNo, createdAt: processInstances.createdAt, snapshot: processInstances.snapshot })
    .from(processInstances)
    .where(
      and(
        eq(processInstances.processId, MAILBOX_PROCESS),
        eq(processInstances.status, 'active'),
        eq(processInstances.sample, false),
        ne(processInstances.id, id),
        gte(processInstances.createdAt, new Date(now.getTime() - WINDOW_DAYS * 86_400_000)),
      ),
    )
    .orderBy(desc(processInstances.createdAt))
    .limit(SCAN);
  const content = form.content.slice(0, 4000);
  return rows
    .map((r) => {
      const other = (r.snapshot as { context: MailboxContext }).context.form;
      const score = SUBJECT_WEIGHT * bigramDice(form.subject, other.subject) + (1 - SUBJECT_WEIGHT) * bigramDice(content, other.content.slice(0, 4000));
      return { id: r.id, caseNo: r.caseNo, subject: other.subject, createdAt: r.createdAt.toISOString(), score: Math.round(score * 100) / 100 };
    })
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || b.createdAt.localeCompare(a.createdAt))
    .slice(0, SHOWN);
}
