import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { messages, processInstances, tasks, users } from '@/db/schema';
import { isCandidate } from '@/workflows/engine/actor';
import { loadActor } from '../auth/load-actor';
import { translator, type Locale } from '../i18n/translate';
import { messageTitle } from '../messages/message-title';
import { ANY_ACTION, createActionToken } from './action-links';
import type { OutgoingMessage } from './channels/types';
import { isUrgent } from './schedule';

type MessageRow = typeof messages.$inferSelect;
type UserRow = typeof users.$inferSelect;

export interface ComposeContext {
  secret: string;
  publicUrl: string;
  actionLinkTtlMs: number;
  now: Date;
}

/**
 * A message-center row as an external channel sends it, in the recipient's language; null for a
 * new-task reminder whose task was handled meanwhile (e.g. while the channel was down).
 */
export async function composeMessage(db: Db, ctx: ComposeContext, m: MessageRow, user: UserRow): Promise<OutgoingMessage | null> {
  const locale: Locale = user.locale;
  const t = translator(locale);
  const p = m.params;
  const L = (zh?: string, en?: string) => (locale === 'zh' ? (zh ?? '') : (en || zh || ''));
  const title = L(p.titleZh, p.titleEn);
  let url = `${ctx.publicUrl}${m.link ?? '/messages'}`;
  let heading: string;
  let text: string;
  switch (m.kind) {
    case 'task.new': {
      if (!m.instanceId) return null;
      const link = await actionLink(db, ctx, m.instanceId, user.id);
      if (!link) return null;
      heading = t('notify.out.taskNewTitle', { title });
      // The case number tells several reminders about the same process apart (流水号, as everywhere).
      text = t('notify.out.taskNewText', { title, caseNo: link.caseNo ?? '', state: L(p.stateZh, p.stateEn) });
      url = link.url;
      break;
    }
    case 'notice':
      heading = L(p.titleZh, p.titleEn);
      text = p.bodyPreview ?? '';
      break;
    default:
      heading = messageTitle(m, locale);
      text = [L(p.actionZh, p.actionEn) || L(p.textZh, p.textEn), p.comment].filter(Boolean).join(' — ');
  }
  return { title: heading, text, url, urgent: isUrgent(m.kind, p) };
}

/**
 * A reminder opens a confirmation page for the recipient's open task on the instance, if any; the
 * instance's 流水号 comes with the open tasks in the same query.
 */
async function actionLink(db: Db, ctx: ComposeContext, instanceId: string, userId: string): Promise<{ url: string; caseNo: string | null } | null> {
  const actor = await loadActor(db, { id: userId });
  if (!actor) return null;
  const open = await db
    .select({ task: tasks, caseNo: processInstances.caseNo })
    .from(tasks)
    .innerJoin(processInstances, eq(processInstances.id, tasks.instanceId))
    .where(and(eq(tasks.instanceId, instanceId), eq(tasks.status, 'open')));
  const found = open.find((x) => isCandidate(actor, x.task));
  if (!found) return null;
  const { task, caseNo } = found;
  const token = await createActionToken(db, ctx.secret, {
    userId,
    instanceId,
    taskId: task.id,
    action: ANY_ACTION,
    now: ctx.now,
    ttlMs: ctx.actionLinkTtlMs,
  });
  return { url: `${ctx.publicUrl}/act/${token}`, caseNo };
}

/** One message for many new tasks. */
export function composeDigest(ctx: ComposeContext, user: UserRow, count: number): OutgoingMessage {
  const t = translator(user.locale);
  return {
    title: t('notify.out.digestTitle', { count }),
    text: t('notify.out.digestText', { count }),
    url: `${ctx.publicUrl}/tasks`,
    urgent: false,
  };
}
