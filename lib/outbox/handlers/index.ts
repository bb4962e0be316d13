import type { Db } from '@/db/client';
import type { NotifyChannel } from '@/db/schema';
import { jobTargets } from '../../integrations/targets';
import type { ChannelSender } from '../../notify/channels/types';
import { buildSenders } from '../../notify/senders';
import type { OutboxConfig } from '../start-outbox';
import type { OutboxHandler } from '../types';
import { channelHandler, type ChannelDeps } from './channel';
import { instanceEventHandler } from './instance-event';
import { jobHandler } from './job';
import { messageHandler } from './message';
import { webhookHandler } from './webhook';

/** The handlers of in-app messages' pushes: the fan-out, and one per configured channel. */
export function notifyHandlers(
  senders: ReadonlyMap<NotifyChannel, ChannelSender>,
  deps: ChannelDeps & { quietHours: { start: number; end: number } | null },
): OutboxHandler[] {
  return [messageHandler([...senders.keys()], deps.quietHours), ...[...senders.values()].map((s) => channelHandler(s, deps))];
}

/**
 * The handler of every kind this installation delivers (contract 2). A kind whose channel or
 * target is not configured has no handler: its rows are not claimed and wait until it is.
 */
export function outboxHandlers(db: Db, cfg: OutboxConfig): OutboxHandler[] {
  const n = cfg.notify;
  const handlers: OutboxHandler[] = [
    ...notifyHandlers(buildSenders(db, n), {
      secret: cfg.secret,
      publicUrl: n.publicUrl,
      actionLinkTtlMs: n.actionLinkTtlMs,
      digestThreshold: n.digestThreshold,
      quietHours: n.quietHours,
    }),
    instanceEventHandler(),
    webhookHandler(),
  ];
  const targets = jobTargets();
  if (Object.values(targets).some(Boolean)) handlers.push(jobHandler(targets));
  return handlers;
}
