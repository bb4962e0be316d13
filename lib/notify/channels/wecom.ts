import type { ChannelSender } from './types';
import { WecomClient, WecomTransientError, type WecomConfig } from './wecom-client';

/** WeChat Work application messages: a text card linking back into the portal. */
export function wecomSender(config: WecomConfig): ChannelSender {
  const client = new WecomClient(config);
  return {
    channel: 'wecom',
    async send(recipient, message) {
      try {
        const { invalid } = await client.sendTextCard([recipient.username], {
          title: message.title.slice(0, 128),
          description: `<div class="normal">${escapeHtml(message.text).slice(0, 480)}</div>`,
          url: message.url,
        });
        if (invalid.includes(recipient.username)) return { outcome: 'failed', error: 'invaliduser: not a WeChat Work member' };
        return { outcome: 'sent' };
      } catch (error) {
        const text = (error as Error).message;
        return error instanceof WecomTransientError ? { outcome: 'retry', error: text } : { outcome: 'failed', error: text };
      }
    },
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
