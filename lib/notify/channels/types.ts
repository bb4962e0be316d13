import type { NotifyChannel } from '@/db/schema';

/** What a channel sends: already rendered in the recipient's language. */
export interface OutgoingMessage {
  title: string;
  text: string;
  /** Absolute link back into the portal (or to an action confirmation page). */
  url: string;
  urgent: boolean;
}

export interface Recipient {
  userId: string;
  /** Campus id; WeChat Work userids are the campus ids. */
  username: string;
  email: string | null;
}

/**
 * sent: done (note = a partial failure worth showing, e.g. WeCom `invaliduser`);
 * retry: a transient fault, try again later; failed: retrying cannot help;
 * skipped: nothing to send to (no address, no subscription).
 */
export type SendResult =
  | { outcome: 'sent'; note?: string }
  | { outcome: 'retry'; error: string }
  | { outcome: 'failed'; error: string }
  | { outcome: 'skipped'; note: string };

export interface ChannelSender {
  channel: NotifyChannel;
  send(recipient: Recipient, message: OutgoingMessage): Promise<SendResult>;
}
