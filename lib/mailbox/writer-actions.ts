import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { mailboxLetters, processInstances } from '@/db/schema';
import { applyEvent } from '@/workflows/engine/apply-event';
import type { WorkingCalendar } from '@/workflows/engine/calendar';
import { AppError } from '@/workflows/engine/errors';
import type { MailboxContext } from '@/workflows/presidents-mailbox/machine';
import { hashToken, keyedHash, mailboxKey, newQueryCode, newToken, trackingPath } from './capability';
import type { LetterRow } from './find-letter';
import { TOKEN_LIFETIME_MS } from './submit-letter';
import { notifyWriterByEmail } from './writer-notice';
import '@/lib/engine/provide-engine';

/** v2 rates the new reply to a 差评 in 已重新答复 as it rates the first in 已答复. */
const isReplied = (state: string) => state === 'replied' || state === 'repliedAgain';
const alreadyDone = (zh: string, en: string) => new AppError('CONFLICT', en, { zh, en });

async function stateOf(db: Db, instanceId: string) {
  const [row] = await db
    .select({ state: processInstances.state, status: processInstances.status, snapshot: processInstances.snapshot })
    .from(processInstances)
    .where(eq(processInstances.id, instanceId));
  return { ...row!, context: (row!.snapshot as { context: MailboxContext }).context };
}

/**
 * The writer acts through their capability (link or code), not an account: the engine records
 * the event with the role 'writer'. Repeats are conflicts (409), not silent no-ops.
 */
export async function rateReply(db: Db, letter: LetterRow, input: unknown, now: Date, calendar?: WorkingCalendar): Promise<void> {
  const { state } = await stateOf(db, letter.instanceId);
  if (!isReplied(state)) throw alreadyDone('这次答复已评价过，或信件当前不能评价', 'This reply has already been rated or cannot be rated now');
  await applyEvent(db, { instanceId: letter.instanceId, actor: null, actorRole: 'writer', type: 'rate', input, now, calendar });
}

export async function askFollowUp(db: Db, letter: LetterRow, input: unknown, now: Date, calendar?: WorkingCalendar): Promise<void> {
  const { state, context } = await stateOf(db, letter.instanceId);
  if (!isReplied(state) || context.followUp !== null) {
    throw alreadyDone('每封来信只能追问一次，且须在答复后、办结前', 'One follow-up per letter, after the reply and before it is closed');
  }
  await applyEvent(db, { instanceId: letter.instanceId, actor: null, actorRole: 'writer', type: 'followUp', input, now, calendar });
}

/** Revokes the current link and code and issues new ones (e.g. the old link was shared by mistake). */
export async function reissueCapability(
  db: Db,
  letter: LetterRow,
  now: Date,
  origin: string,
): Promise<{ trackingUrl: string; queryCode: string; token: string }> {
  const token = newToken();
  const queryCode = newQueryCode();
  const key = await mailboxKey(db);
  const trackingUrl = `${origin}${trackingPath(token)}`;
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(mailboxLetters)
      .set({
        tokenHash: hashToken(token),
        codeHash: keyedHash(key, queryCode),
        tokenIssuedAt: now,
        tokenExpiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS),
      })
      .where(eq(mailboxLetters.tokenHash, letter.tokenHash))
      .returning({ id: mailboxLetters.instanceId });
    if (updated.length === 0) throw alreadyDone('链接已被更换，请使用新的链接', 'The link was already replaced; use the new one');
    if (letter.email) {
      await notifyWriterByEmail(tx, { instanceId: letter.instanceId, to: letter.email, kind: 'reissued', trackingUrl, queryCode, now });
    }
  });
  return { trackingUrl, queryCode, token };
}
