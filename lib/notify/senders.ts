import type { Db } from '@/db/client';
import type { NotifyChannel } from '@/db/schema';
import type { NotifyEnv } from './env';
import { emailSender } from './channels/email';
import type { ChannelSender } from './channels/types';
import { webPushSender } from './channels/webpush';
import { wecomSender } from './channels/wecom';

/** The channels this installation has configured, each with its sender. */
export function buildSenders(db: Db, cfg: NotifyEnv): Map<NotifyChannel, ChannelSender> {
  const senders = new Map<NotifyChannel, ChannelSender>();
  if (cfg.wecom) senders.set('wecom', wecomSender(cfg.wecom));
  if (cfg.smtp) senders.set('email', emailSender(cfg.smtp));
  if (cfg.webpush) senders.set('webpush', webPushSender(db, cfg.webpush));
  return senders;
}
