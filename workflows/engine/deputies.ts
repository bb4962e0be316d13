import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import { outOfOffice, roleBindings, users } from '@/db/schema';
import type { RoleBindingRef } from './actor';
import { cstDate } from './calendar';
import { mayHoldFor } from './deputy-rules';
import type { TaskInsert } from './plan';

/**
 * 代理 (out of office) as the task projection applies it: pure routing of the tasks a transition
 * opens, from facts the orchestrator read (loadDeputies) in the transition's transaction.
 *
 * A task "would come to" an absent person when it is named to them (a 会签 member, 依次 turn), or
 * when it is a role task whose every possible holder is away (the only 部门负责人 of a college, say):
 * then it is named to the deputy instead, recording on whose behalf, provided the deputy may still
 * hold the step (deputy-rules.ts mayHoldFor: roles change). A role task that a colleague who is
 * present may take stays with the pool. One hop only: a deputy's own absence is refused
 * when the deputy is set (lib/out-of-office), so there are no chains to follow.
 */

export interface Absence {
  userId: string;
  name: string;
  deputyId: string;
  deputyName: string;
  /** The deputy's own unit and kind: staff of a unit may hold its unit-scoped steps (deputy-rules.ts). */
  deputyOrgUnitId: string;
  deputyKind: 'student' | 'staff';
}

/** An active holder of a role (role_bindings), for the roles the absent people hold. */
export interface Holder extends RoleBindingRef {
  userId: string;
}

export interface Deputies {
  absences: Absence[];
  holders: Holder[];
}

export const NO_DEPUTIES: Deputies = { absences: [], holders: [] };

/** One task routed to a deputy: what the log entry records (the timeline's 由 X 代理 Y). */
export interface DeputyRoute {
  state: string;
  forId: string;
  forName: string;
  deputyId: string;
  deputyName: string;
}

const covers = (h: RoleBindingRef, task: Pick<TaskInsert, 'role' | 'orgUnitId'>) =>
  h.role === task.role && (h.orgUnitId === null || h.orgUnitId === (task.orgUnitId ?? null));

/**
 * Where one task that is about to open goes: unchanged (null), or named to a deputy. Never to the
 * applicant of the instance, and only to a deputy who may still hold the step (roles change).
 */
export function routeTask(task: TaskInsert, deputies: Deputies, applicantId: string | null): { task: TaskInsert; route: DeputyRoute } | null {
  if (deputies.absences.length === 0) return null;
  const away = new Map(deputies.absences.map((a) => [a.userId, a]));
  let absence: Absence | undefined;
  if (task.assigneeId) {
    if (task.assigneeId === applicantId) return null;
    absence = away.get(task.assigneeId);
  } else {
    const holders = [...new Set(deputies.holders.filter((h) => covers(h, task) && h.userId !== applicantId).map((h) => h.userId))].sort();
    if (holders.length === 0 || !holders.every((id) => away.has(id))) return null;
    absence = away.get(holders[0]!);
  }
  if (!absence || absence.deputyId === applicantId) return null;
  const step = { role: task.role, orgUnitId: task.orgUnitId ?? null };
  const deputy = { kind: absence.deputyKind, orgUnitId: absence.deputyOrgUnitId, roles: deputies.holders.filter((h) => h.userId === absence.deputyId) };
  if (!mayHoldFor(deputy, step)) return null;
  return {
    task: { ...task, assigneeId: absence.deputyId, onBehalfOf: absence.userId },
    route: { state: task.state, forId: absence.userId, forName: absence.name, deputyId: absence.deputyId, deputyName: absence.deputyName },
  };
}

/** Routes every task a transition opens (routeTask), and lists what was routed. */
export function routeTasks(open: TaskInsert[], deputies: Deputies | undefined, applicantId: string | null): { open: TaskInsert[]; routed: DeputyRoute[] } {
  if (!deputies || deputies.absences.length === 0) return { open, routed: [] };
  const routed: DeputyRoute[] = [];
  const out = open.map((t) => {
    const r = routeTask(t, deputies, applicantId);
    if (!r) return t;
    routed.push(r.route);
    return r.task;
  });
  return { open: out, routed };
}

/**
 * The absences in force on `now`'s China date, and the active holders of the roles the absent
 * people hold (to tell whether a colleague who is present may take a role task). One query when
 * nobody is away, which is the usual case.
 */
export async function loadDeputies(q: Queryable, now: Date): Promise<Deputies> {
  const today = cstDate(now);
  const person = alias(users, 'away_person');
  const deputy = alias(users, 'deputy_person');
  const absences = await q
    .select({
      userId: outOfOffice.userId,
      name: person.name,
      deputyId: outOfOffice.deputyId,
      deputyName: deputy.name,
      deputyOrgUnitId: deputy.orgUnitId,
      deputyKind: deputy.kind,
    })
    .from(outOfOffice)
    .innerJoin(person, eq(person.id, outOfOffice.userId))
    .innerJoin(deputy, eq(deputy.id, outOfOffice.deputyId))
    .where(and(lte(outOfOffice.startsOn, today), gte(outOfOffice.endsOn, today), eq(deputy.active, true)));
  if (absences.length === 0) return NO_DEPUTIES;
  const roles = await q
    .select({ role: roleBindings.role })
    .from(roleBindings)
    .where(inArray(roleBindings.userId, absences.map((a) => a.userId)));
  const wanted = [...new Set(roles.map((r) => r.role))];
  if (wanted.length === 0) return { absences, holders: [] };
  const holders = await q
    .select({ userId: roleBindings.userId, role: roleBindings.role, orgUnitId: roleBindings.orgUnitId })
    .from(roleBindings)
    .innerJoin(users, eq(users.id, roleBindings.userId))
    .where(and(inArray(roleBindings.role, wanted), eq(users.active, true)));
  return { absences, holders };
}
