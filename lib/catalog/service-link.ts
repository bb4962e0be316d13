import type { SessionUser } from '@/lib/auth/load-actor';
import { sameSitePath } from '../safe-url';
import { startableProcess, type AccessEntry } from './access';

export interface ServiceLinkEntry extends AccessEntry {
  code: string;
  externalUrl: string | null;
}

/**
 * Where a catalog entry's button goes, for this person — the one answer the guide page and the
 * repair hub share: our own form when they may start its process; else the entry's address (an
 * integrated system elsewhere, or a page of ours); else nothing to open (null).
 */
export type ServiceLink = { kind: 'apply'; href: string } | { kind: 'external'; href: string } | { kind: 'internal'; href: string };

export function serviceLink(entry: ServiceLinkEntry, user: SessionUser | null): ServiceLink | null {
  const startable = startableProcess(entry, user);
  if (startable) return { kind: 'apply', href: `/services/${startable.id}/apply` };
  if (entry.externalUrl && /^https?:\/\//.test(entry.externalUrl)) return { kind: 'external', href: entry.externalUrl };
  const internal = sameSitePath(entry.externalUrl);
  return internal ? { kind: 'internal', href: internal } : null;
}
