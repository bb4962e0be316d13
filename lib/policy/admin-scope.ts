import { inArray, or, sql, type SQL } from 'drizzle-orm';
import { processInstances } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { allDefinitions } from '@/workflows/registry';
import { isAdmin, unitsWhere } from './roles';

/**
 * How much of monitoring one actor sees: administrators everything; a department leader the
 * instances of their own department (its applicants, and the processes it owns), read-only.
 * The table's admin.monitor / admin.instance / admin.department rules are written with these,
 * and lists render the same rule as SQL (instanceScopeCondition / instanceScopeSql): one rule.
 */
export type AdminScope = { kind: 'all' } | { kind: 'departments'; orgUnitIds: string[] };

export function adminScope(actor: Pick<Actor, 'roles'>): AdminScope | null {
  if (isAdmin(actor)) return { kind: 'all' };
  const units = unitsWhere(actor, 'dept_leader');
  return units.length > 0 ? { kind: 'departments', orgUnitIds: units } : null;
}

/** Processes whose owner department is one of the given units (a leader monitors them whoever applied). */
export function processesOwnedBy(orgUnitIds: string[]): string[] {
  return [...new Set(allDefinitions().filter((d) => orgUnitIds.includes(d.ownerOrgUnitId)).map((d) => d.id))];
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

/** The WHERE condition on process_instances that keeps a scope to what it may see. */
export function instanceScopeCondition(scope: AdminScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  const owned = processesOwnedBy(scope.orgUnitIds);
  return or(inArray(processInstances.applicantOrgId, scope.orgUnitIds), owned.length > 0 ? inArray(processInstances.processId, owned) : undefined);
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
