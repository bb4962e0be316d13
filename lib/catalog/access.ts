import type { Audience, CatalogStatus } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/load-actor';
import { can } from '@/lib/policy';
import { findDefinition } from '@/lib/processes/find-definition';

/**
 * Who sees and who may start a catalog entry, asked of lib/policy (service.view, process.start):
 * nothing is re-decided here. A visitor without an account (null) sees what the policy shows to
 * everyone — online entries — and may start nothing; the guide then says how to sign in.
 */
export interface AccessEntry {
  status: CatalogStatus;
  testers: string[];
  processId: string | null;
}

export function canManageCatalog(user: SessionUser | null): boolean {
  return user !== null && can(user, 'catalog.manage');
}

export function canSeeService(entry: AccessEntry, user: SessionUser | null): boolean {
  // The policy's rule for everyone ("online ones everyone") is the whole rule for a visitor.
  if (user === null) return entry.status === 'online';
  return can(user, 'service.view', { kind: 'service', status: entry.status, testers: entry.testers });
}

export function isTester(entry: AccessEntry, user: SessionUser): boolean {
  return entry.status === 'testing' && canSeeService(entry, user);
}

/** The registered process this entry starts, when the user may start it now; else null. */
export function startableProcess(entry: AccessEntry, user: SessionUser | null) {
  if (!user || !entry.processId) return null;
  if (entry.status !== 'online' && !isTester(entry, user)) return null;
  const definition = findDefinition(entry.processId);
  if (!definition || !can(user, 'process.start', { kind: 'process', definition })) return null;
  return definition;
}

/**
 * The catalog audiences a person belongs to: students the student services, staff the staff
 * ones (cadres also the cadre ones); everyone the public ones. The catalog lists only these
 * unless 全部 is chosen (applyFilters).
 */
export function audiencesOf(user: Pick<SessionUser, 'kind' | 'isCadre'>): Audience[] {
  return [user.kind, ...(user.isCadre ? (['cadre'] as const) : []), 'public'];
}
