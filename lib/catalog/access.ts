import type { CatalogStatus } from '@/db/schema';
import { isAdmin } from '@/lib/authz';
import type { SessionUser } from '@/lib/auth/load-actor';
import { findDefinition, mayStart } from '@/lib/processes/find-definition';

/**
 * Who sees and who may start a catalog entry. 已上线: everyone sees it; 在测: only the testers
 * named on it (and admins); 在建 and 已下线: admins only. Starting also needs the process to
 * be registered (an entry may name one that is still being built) and the user in its audience.
 */
export interface AccessEntry {
  status: CatalogStatus;
  testers: string[];
  processId: string | null;
}

export function canManageCatalog(user: Pick<SessionUser, 'roles'>): boolean {
  return isAdmin(user);
}

export function canSeeService(entry: AccessEntry, user: SessionUser): boolean {
  if (entry.status === 'online') return true;
  if (canManageCatalog(user)) return true;
  return entry.status === 'testing' && entry.testers.includes(user.username);
}

export function isTester(entry: AccessEntry, user: SessionUser): boolean {
  return entry.status === 'testing' && (entry.testers.includes(user.username) || canManageCatalog(user));
}

/** The registered process this entry starts, when the user may start it now; else null. */
export function startableProcess(entry: AccessEntry, user: SessionUser) {
  if (!entry.processId) return null;
  if (entry.status !== 'online' && !isTester(entry, user)) return null;
  const definition = findDefinition(entry.processId);
  if (!definition || !mayStart(definition, user)) return null;
  return definition;
}
