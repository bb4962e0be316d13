import { inArray, or, sql, type SQL } from 'drizzle-orm';
import { processInstances } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { allDefinitions } from '@/workflows/registry';
import { isAdmin } from './authz';

/**
 * Who reaches the monitoring and administration pages, and how much they see there:
 * process_admin / system_admin see everything and may operate; a dept_leader sees the
 * instances and statistics of their own department (instances whose applicant belongs to it,
 * and instances of the processes it owns), read-only; nobody else gets in (403).
 */
export type AdminScope = { kind: 'all' } | { kind: 'departments'; orgUnitIds: string[] };

export function adminScope(actor: Pick<Actor, 'roles'>): AdminScope | null {
  if (isAdmin(actor)) return { kind: 'all' };
  const units = actor.roles.filter((r) => r.role === 'dept_leader' && r.orgUnitId).map((r) => r.orgUnitId!);
  return units.length > 0 ? { kind: 'departments', orgUnitIds: [...new Set(units)] } : null;
}

const forbidden = (detail: string) =>
  new AppError('FORBIDDEN', detail, { zh: '您没有访问流程监控与管理的权限', en: 'You have no access to monitoring and administration' });

export function requireAdminScope(actor: Pick<Actor, 'id' | 'roles'>): AdminScope {
  const scope = adminScope(actor);
  if (!scope) throw forbidden(`${actor.id} is no admin or department leader`);
  return scope;
}

/** Operations that change instances or people: process/system admins only. */
export function requireOperator(actor: Pick<Actor, 'id' | 'roles'>): void {
  if (!isAdmin(actor)) {
    throw new AppError('FORBIDDEN', `${actor.id} may not operate`, { zh: '该操作仅限流程管理员或系统管理员', en: 'Only process or system administrators may do this' });
  }
}

/** Processes whose owner department is one of the given units. */
export function processesOwnedBy(orgUnitIds: string[]): string[] {
  return [...new Set(allDefinitions().filter((d) => orgUnitIds.includes(d.ownerOrgUnitId)).map((d) => d.id))];
}

/** The WHERE condition on process_instances that keeps a scope to what it may see. */
export function instanceScopeCondition(scope: AdminScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  const owned = processesOwnedBy(scope.orgUnitIds);
  return or(
    inArray(processInstances.applicantOrgId, scope.orgUnitIds),
    owned.length > 0 ? inArray(processInstances.processId, owned) : undefined,
  );
}

/** The same condition as raw SQL on an alias (for the statistics queries). */
export function instanceScopeSql(scope: AdminScope, alias = 'i'): SQL {
  if (scope.kind === 'all') return sql`true`;
  const owned = processesOwnedBy(scope.orgUnitIds);
  const orgs = sql.join(scope.orgUnitIds.map((u) => sql`${u}`), sql`, `);
  const byOrg = sql`${sql.raw(alias)}.applicant_org_id in (${orgs})`;
  if (owned.length === 0) return sql`(${byOrg})`;
  const procs = sql.join(owned.map((p) => sql`${p}`), sql`, `);
  return sql`(${byOrg} or ${sql.raw(alias)}.process_id in (${procs}))`;
}

export function scopeAllowsInstance(scope: AdminScope, instance: { processId: string; applicantOrgId: string | null }): boolean {
  if (scope.kind === 'all') return true;
  if (instance.applicantOrgId && scope.orgUnitIds.includes(instance.applicantOrgId)) return true;
  return processesOwnedBy(scope.orgUnitIds).includes(instance.processId);
}

/** A department leader may only filter statistics to their own units. */
export function scopeAllowsDepartment(scope: AdminScope, orgUnitId: string): boolean {
  return scope.kind === 'all' || scope.orgUnitIds.includes(orgUnitId);
}
