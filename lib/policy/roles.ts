import type { Actor } from '@/workflows/engine/actor';

/**
 * Role facts about an actor, spelled once. Every rule of the policy table is written with these,
 * so "admin only" has one meaning: a process or system administrator binding.
 */
type Roles = Pick<Actor, 'roles'>;

export function isAdmin(actor: Roles): boolean {
  return actor.roles.some((r) => r.role === 'process_admin' || r.role === 'system_admin');
}

/** Holds the role somewhere (any org unit, or university-wide). */
export function holdsRole(actor: Roles, role: string): boolean {
  return actor.roles.some((r) => r.role === role);
}

/** Holds the role for this org unit: bound to it, or university-wide (a null binding covers every unit). */
export function holdsRoleIn(actor: Roles, role: string, orgUnitId: string | null): boolean {
  return actor.roles.some((r) => r.role === role && (r.orgUnitId === null || r.orgUnitId === orgUnitId));
}

/** The org units the actor holds the role in (university-wide bindings are not listed). */
export function unitsWhere(actor: Roles, role: string): string[] {
  return [...new Set(actor.roles.filter((r) => r.role === role && r.orgUnitId).map((r) => r.orgUnitId!))];
}

/** Whether the actor holds the role university-wide (a binding without an org unit). */
export function holdsRoleEverywhere(actor: Roles, role: string): boolean {
  return actor.roles.some((r) => r.role === role && r.orgUnitId === null);
}
