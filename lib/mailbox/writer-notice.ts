import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { mailboxLetters } from '@/db/schema';
import { queueAddressedMail, type AddressedMail } from '@/lib/notify/addressed-mail';
import type { TransitionInfo } from '@/workflows/engine/types';

/** 'received' / 'reissued' carry the plain link and code: the only moments they exist. */
export type WriterEmailKind = 'received' | 'reissued' | 'replied' | 'notAccepted' | 'merged';

export interface WriterEmailNotice {
  instanceId: string;
  to: string;
  kind: WriterEmailKind;
  now: Date;
  /** With 'received' and 'reissued' only. */
  trackingUrl?: string;
  queryCode?: string;
}

/** Where the code lookup lives: later mails point there (the link itself is stored only as a hash). */
const LOOKUP_PATH = '/mailbox/track';

function compose(n: WriterEmailNotice): AddressedMail {
  const later = '请使用提交时获得的跟踪链接，或在下面的页面输入查询码查看。\nOpen the tracking link you received when you wrote, or enter your query code on the page below.';
  switch (n.kind) {
    case 'received':
    case 'reissued':
      return {
        title: n.kind === 'received' ? '校长信箱：来信已收到 / Your letter was received' : '校长信箱：新的跟踪链接 / Your new tracking link',
        text: [
          n.kind === 'received' ? '您的来信已收到。凭下面的跟踪链接或查询码可随时查看办理进度和答复。' : '您的跟踪链接和查询码已更换，旧的已失效。',
          `查询码 / Query code: ${n.queryCode}`,
          '请妥善保管：知道链接或查询码的人都能查看这封信。',
          n.kind === 'received'
            ? 'Your letter was received. Follow it and read the reply with the tracking link below or the query code.'
            : 'Your tracking link and query code were replaced; the old ones no longer work.',
          'Keep them private: anyone with the link or the code can read this letter.',
        ].join('\n'),
        url: n.trackingUrl!,
      };
    case 'replied':
      return { title: '校长信箱：来信已答复 / Your letter has a reply', text: `您的来信已答复。\nYour letter has been replied to.\n${later}`, url: LOOKUP_PATH };
    case 'notAccepted':
      return {
        title: '校长信箱：来信不予受理 / Your letter was not accepted',
        text: `您的来信不予受理，原因见跟踪页面。\nYour letter was not accepted; the tracking page says why.\n${later}`,
        url: LOOKUP_PATH,
      };
    case 'merged':
      return {
        title: '校长信箱：来信已合并办理 / Your letter was merged',
        text: `您的来信与另一封内容相同的来信合并办理，进度和答复见跟踪页面。\nYour letter was merged with another letter on the same matter; follow it on the tracking page.\n${later}`,
        url: LOOKUP_PATH,
      };
  }
}

/**
 * Queues an e-mail to a letter's writer at the address they gave, in the caller's transaction
 * (the notification queue sends it after commit, with retries). Nothing when SMTP is not
 * configured: the submit screen shows link and code either way. The mail body is stored sealed
 * and wiped once sent; neither link nor code is ever logged.
 */
export async function notifyWriterByEmail(q: Queryable, notice: WriterEmailNotice): Promise<void> {
  await queueAddressedMail(q, { to: notice.to, topic: `mailbox.${notice.kind}`, mail: compose(notice), now: notice.now });
}

const ON_ENTER: Record<string, WriterEmailKind> = { replied: 'replied', notAccepted: 'notAccepted', merged: 'merged' };

/** The presidents-mailbox afterTransition: tells a writer who gave an address how the letter ended up. */
export async function mailWriterOnTransition(q: Queryable, t: TransitionInfo): Promise<void> {
  const kind = t.entered.map((p) => ON_ENTER[p]).find(Boolean);
  if (!kind) return;
  const [letter] = await q.select({ email: mailboxLetters.email }).from(mailboxLetters).where(eq(mailboxLetters.instanceId, t.instanceId));
  if (!letter?.email) return;
  await notifyWriterByEmail(q, { instanceId: t.instanceId, to: letter.email, kind, now: t.now });
}
