import type { Db } from '@/db/client';

export interface WriterEmailNotice {
  instanceId: string;
  to: string;
  /** 'received': right after submitting — the only moment the plain link and code exist. */
  kind: 'received' | 'reissued';
  trackingUrl: string;
  queryCode: string;
}

/**
 * The hook for e-mail to a letter's writer (the notifications work delivers it). Writers with
 * an account already get in-app messages from the engine; writers without one can only be
 * reached at the address they gave. Until e-mail delivery lands, nothing is sent: the writer
 * sees link and code on screen. Later updates can be mailed from mailbox_letters.email without
 * the link (it is stored only as a hash).
 */
export async function notifyWriterByEmail(_db: Db, _notice: WriterEmailNotice): Promise<void> {
  // Intentionally empty: replaced by the notifications outbox (see the mailbox report).
}
