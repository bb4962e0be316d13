import { inArray } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { mailboxLetters } from '@/db/schema';
import { queueAddressedMail, type AddressedMail } from '@/lib/notify/addressed-mail';
import type { EffectWriter } from '@/workflows/engine/effects';

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

/**
 * The engine's 'emailWriter' effect (declared on the 校长信箱 states replied / notAccepted /
 * merged): tells a writer who gave an address how the letter ended up, in the transition's
 * transaction. Handed to the engine by lib/engine/provide-engine.ts.
 */
export const writeWriterEmails: EffectWriter<'emailWriter'> = async (q, effects) => {
  const letters = await q
    .select({ instanceId: mailboxLetters.instanceId, email: mailboxLetters.email })
    .from(mailboxLetters)
    .where(inArray(mailboxLetters.instanceId, [...new Set(effects.map((e) => e.instanceId))]));
  const to = new Map(letters.map((l) => [l.instanceId, l.email]));
  for (const e of effects) {
    const address = to.get(e.instanceId);
    if (address) await notifyWriterByEmail(q, { instanceId: e.instanceId, to: address, kind: e.template, now: e.at });
  }
};
