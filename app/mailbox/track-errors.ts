import type { MessageKey } from '@/lib/i18n/translate';

const KNOWN = ['CONFLICT', 'INVALID_INPUT', 'NOT_FOUND', 'RATE_LIMITED'] as const;

/** The message for an error code passed back to a page in ?error= (anything else: generic). */
export function trackErrorKey(code: string): MessageKey {
  const known = KNOWN.find((k) => k === code);
  return known ? `mailbox.errors.${known}` : 'mailbox.errors.other';
}
