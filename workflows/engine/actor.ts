import type { TaskScope } from './types';

export interface RoleBindingRef {
  role: string;
  orgUnitId: string | null;
}

/** The person acting, as the engine needs them: loaded fresh for each request. */
export interface Actor {
  id: string;
  name: string;
  kind: 'student' | 'staff';
  orgUnitId: string;
  isCadre: boolean;
  roles: RoleBindingRef[];
}

/** The org unit a task scope resolves to for one instance (null = university-wide). */
export function resolveScopeOrg(scope: TaskScope, applicantOrgId: string | null): string | null {
  switch (scope.kind) {
    case 'applicant-org':
      return applicantOrgId;
    case 'org':
      return scope.orgUnitId;
    case 'applicant':
    case 'global':
    case 'context-orgs':
      return null;
  }
}

export interface TaskRef {
  role: string;
  orgUnitId: string | null;
  assigneeId: string | null;
}

/**
 * Whether the actor may work this task: its named assignee, or (when it has none) anyone
 * holding the role in the task's org unit — a university-wide binding covers every unit.
 */
export function isCandidate(actor: Pick<Actor, 'id' | 'roles'>, task: TaskRef): boolean {
  if (task.assigneeId) return task.assigneeId === actor.id;
  return actor.roles.some((b) => b.role === task.role && (b.orgUnitId === null || b.orgUnitId === task.orgUnitId));
}
