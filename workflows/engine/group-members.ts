import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import type { Queryable } from '@/db/client';
import { roleBindings, users } from '@/db/schema';
import { resolveScopeOrg } from './actor';
import type { ProcessDefinition, StateMeta } from './types';

/** A member of a 会签 / 或签 / 依次 group, as the task projection names tasks to them. */
export interface GroupMember {
  id: string;
  name: string;
}

/** The members of every group state of one instance, by state path (依次: in turn order). */
export type GroupMembers = Record<string, GroupMember[]>;

/** The states of a machine whose task is decided by a group (StateMeta.task.group), by path. */
export function groupStates(machine: AnyStateMachine): Array<{ path: string; meta: StateMeta }> {
  const out: Array<{ path: string; meta: StateMeta }> = [];
  const walk = (node: AnyStateNode) => {
    const meta = node.meta as StateMeta | undefined;
    if (meta?.task?.group) out.push({ path: node.id.slice(machine.id.length + 1), meta });
    for (const child of Object.values(node.states) as AnyStateNode[]) walk(child);
  };
  walk(machine.root);
  return out;
}

/**
 * Who sits in each group of a definition for one applicant: every active holder of the step's
 * role in its scope (a university-wide binding counts everywhere, as for any task), never the
 * applicant, ordered by 工号 (the 依次 turn order). Read by the orchestrators in the transition's
 * transaction so the projection stays pure; no query for a definition without groups.
 */
export async function loadGroupMembers(q: Queryable, definition: ProcessDefinition, applicant: { id: string | null; orgUnitId: string | null }): Promise<GroupMembers> {
  const states = groupStates(definition.machine);
  if (states.length === 0) return {};
  const roles = [...new Set(states.map((s) => s.meta.task!.role))];
  const rows = await q
    .select({ id: users.id, name: users.name, username: users.username, role: roleBindings.role, orgUnitId: roleBindings.orgUnitId })
    .from(roleBindings)
    .innerJoin(users, eq(users.id, roleBindings.userId))
    .where(and(inArray(roleBindings.role, roles as Array<(typeof roleBindings.role.enumValues)[number]>), eq(users.active, true)))
    .orderBy(asc(users.username));
  const members: GroupMembers = {};
  for (const { path, meta } of states) {
    const org = resolveScopeOrg(meta.task!.scope, applicant.orgUnitId);
    const seen = new Set<string>();
    members[path] = rows
      .filter((r) => r.role === meta.task!.role && (r.orgUnitId === null || r.orgUnitId === org) && r.id !== applicant.id)
      .filter((r) => !seen.has(r.id) && seen.add(r.id))
      .map((r) => ({ id: r.id, name: r.name }));
  }
  return members;
}
