import type { Outcome } from '../../outbox/types';
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

/** A channel answers with an outbox outcome (sent, retry, failed, skipped), recorded as it is. */
export interface ChannelSender {
  channel: NotifyChannel;
  send(recipient: Recipient, message: OutgoingMessage): Promise<Outcome>;
}
