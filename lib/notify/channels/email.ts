import nodemailer from 'nodemailer';
import type { ChannelSender } from './types';

/** E-mail over SMTP (nodemailer); a 5xx reply is final, anything else is tried again. */
export function emailSender(config: { url: string; from: string }): ChannelSender {
  const transport = nodemailer.createTransport(config.url);
  return {
    channel: 'email',
    async send(recipient, message) {
      if (!recipient.email) return { outcome: 'skipped', note: 'no e-mail address' };
      try {
        await transport.sendMail({
          from: config.from,
          to: recipient.email,
          subject: message.title,
          text: `${message.text}\n\n${message.url}\n`,
          headers: message.urgent ? { Importance: 'high' } : undefined,
        });
        return { outcome: 'sent' };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        const text = (error as Error).message;
        return code && code >= 500 ? { outcome: 'failed', error: text } : { outcome: 'retry', error: text };
      }
    },
  };
}
