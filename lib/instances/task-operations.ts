import { and, asc, eq, inArray, isNotNull, isNull, ne, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { orgUnits, roleBindings, users, type Role } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { mayBeDelegate, mayBeSigner, mayHold } from '@/workflows/engine/plan-task-ops';
import { addSigner, answerDelegation, delegateTask, removeSigner, transferTask } from '@/workflows/engine/task-ops';
import { authorizeTask, type TaskResource } from '../policy';
import { matchesPerson, type PickablePerson } from './person-match';
import { withPinyin } from './person-search';
import '@/lib/engine/provide-engine';

/**
 * The approval operations on one task as people and API clients call them (转办, 委派 and its
 * answer): the policy decides who may (lib/policy authorizeTask), the engine the rest in one
 * transaction (workflows/engine/task-ops.ts).
 */

export type HandOp = 'transfer' | 'delegate' | 'addSigner';

const POLICY_OF = { transfer: 'task.transfer', delegate: 'task.delegate', addSigner: 'task.add-signer' } as const;
/** A picker lists at most this many people; a search narrows it. */
const PICKER_LIMIT = 200;

async function personByUsername(db: Db, username: string): Promise<{ id: string; name: string }> {
  const [person] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.username, username.trim()));
  if (!person) throw new AppError('INVALID_INPUT', `no user ${username}`, { zh: `找不到学工号为 ${username} 的人员`, en: `Nobody has campus id ${username}` });
  return person;
}

export interface HandResult {
  instanceId: string;
  taskId: string;
  revision: number;
  /** Who holds the task now. */
  holder: { username: string; name: string };
}

/** 转办 / 委派 to a person named by 学工号, with a reason. */
export async function handTask(
  db: Db,
  actor: Actor,
  op: 'transfer' | 'delegate',
  taskId: string,
  body: { to: string; reason?: string; expectedRevision?: number },
  at: Date,
): Promise<HandResult> {
  await authorizeTask(db, actor, POLICY_OF[op], taskId);
  const person = await personByUsername(db, body.to);
  const run = op === 'transfer' ? transferTask : delegateTask;
  const { instance } = await run(db, { taskId, actor, toUserId: person.id, reason: body.reason, expectedRevision: body.expectedRevision, now: at });
  return { instanceId: instance.id, taskId, revision: instance.revision, holder: { username: body.to.trim(), name: person.name } };
}

/** 加签 before or after oneself, to a person named by 学工号. */
export async function signTask(
  db: Db,
  actor: Actor,
  taskId: string,
  body: { to: string; position: 'before' | 'after'; reason?: string; expectedRevision?: number },
  at: Date,
): Promise<HandResult> {
  await authorizeTask(db, actor, 'task.add-signer', taskId);
  const person = await personByUsername(db, body.to);
  const { instance } = await addSigner(db, { taskId, actor, toUserId: person.id, position: body.position, reason: body.reason, expectedRevision: body.expectedRevision, now: at });
  return { instanceId: instance.id, taskId, revision: instance.revision, holder: { username: body.to.trim(), name: person.name } };
}

/** 减签: the added signer, who has not acted, is removed; the task comes back. */
export async function removeSignerAs(db: Db, actor: Actor, taskId: string, body: { reason?: string; expectedRevision?: number }, at: Date) {
  await authorizeTask(db, actor, 'task.remove-signer', taskId);
  const { instance } = await removeSigner(db, { taskId, actor, reason: body.reason, expectedRevision: body.expectedRevision, now: at });
  return { instanceId: instance.id, taskId, revision: instance.revision };
}

/** The delegate answers with their opinion (or the before-signer signs); the task goes back to whoever asked. */
export async function answerTask(db: Db, actor: Actor, taskId: string, body: { opinion: string; expectedRevision?: number }, at: Date) {
  await authorizeTask(db, actor, 'task.answer', taskId);
  const { instance } = await answerDelegation(db, { taskId, actor, reason: body.opinion, expectedRevision: body.expectedRevision, now: at });
  return { instanceId: instance.id, taskId, revision: instance.revision };
}

/**
 * Who a task may go to, for the picker: 转办 — active people with the task's role in its scope;
 * 委派 — active staff of the holder's unit or the task's. Never the actor or the applicant.
 */
export async function eligiblePeopleFor(db: Db, actor: Actor, op: HandOp, resource: TaskResource, q?: string): Promise<PickablePerson[]> {
  const { task, instance } = resource;
  const select = { id: users.id, username: users.username, name: users.name, kind: users.kind, orgUnitId: users.orgUnitId, active: users.active, orgZh: orgUnits.nameZh, orgEn: orgUnits.nameEn };
  const notThem = and(eq(users.active, true), ne(users.id, actor.id), instance.applicantId ? ne(users.id, instance.applicantId) : undefined);
  const rows =
    op === 'transfer'
      ? await db
          .selectDistinct(select)
          .from(users)
          .innerJoin(roleBindings, eq(roleBindings.userId, users.id))
          .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
          .where(and(notThem, eq(roleBindings.role, task.role as Role), task.orgUnitId ? or(isNull(roleBindings.orgUnitId), eq(roleBindings.orgUnitId, task.orgUnitId)) : isNull(roleBindings.orgUnitId)))
          .orderBy(asc(users.username))
      : await db
          .selectDistinct(select)
          .from(users)
          .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
          .leftJoin(roleBindings, and(eq(roleBindings.userId, users.id), eq(roleBindings.role, task.role as Role)))
          .where(
            and(
              notThem,
              eq(users.kind, 'staff'),
              or(
                inArray(users.orgUnitId, [actor.orgUnitId, ...(task.orgUnitId ? [task.orgUnitId] : [])]),
                and(isNotNull(roleBindings.userId), isNull(roleBindings.orgUnitId)),
                task.orgUnitId ? eq(roleBindings.orgUnitId, task.orgUnitId) : undefined,
                op === 'addSigner' ? inArray(users.id, db.select({ id: roleBindings.userId }).from(roleBindings).where(inArray(roleBindings.role, ['dept_leader', 'school_leader']))) : undefined,
              ),
            ),
          )
          .orderBy(asc(users.username))
          .limit(PICKER_LIMIT * 5);
  // The engine's own rules say the last word (the SQL above only narrows).
  const roles = await rolesOf(db, rows.map((r) => r.id));
  const eligible = rows.filter((r) => {
    const person = { ...r, roles: roles.get(r.id) ?? [] };
    return op === 'transfer' ? mayHold(person, task) : op === 'delegate' ? mayBeDelegate(person, actor, task) : mayBeSigner(person, actor, task);
  });
  return eligible
    .map((r) => withPinyin({ username: r.username, name: r.name, orgName: { zh: r.orgZh, en: r.orgEn } }))
    .filter((p) => matchesPerson(p, q ?? ''))
    .slice(0, PICKER_LIMIT);
}

async function rolesOf(db: Db, ids: string[]): Promise<Map<string, Actor['roles']>> {
  const out = new Map<string, Actor['roles']>();
  if (ids.length === 0) return out;
  for (const b of await db.select().from(roleBindings).where(inArray(roleBindings.userId, ids))) {
    out.set(b.userId, [...(out.get(b.userId) ?? []), { role: b.role, orgUnitId: b.orgUnitId }]);
  }
  return out;
}

/** GET …/transfer and …/delegate: the people the caller may hand this task to. */
export async function listEligiblePeople(db: Db, actor: Actor, op: HandOp, taskId: string, q?: string): Promise<{ people: PickablePerson[] }> {
  const resource = await authorizeTask(db, actor, POLICY_OF[op], taskId);
  return { people: await eligiblePeopleFor(db, actor, op, resource, q) };
}


/** For the task page: the eligible people of each hand-on operation the viewer may use on a task. */
export async function peopleForTask(db: Db, actor: Actor, taskId: string, ops: HandOp[]): Promise<Partial<Record<HandOp, PickablePerson[]>>> {
  const out: Partial<Record<HandOp, PickablePerson[]>> = {};
  for (const op of ops) {
    const resource = await authorizeTask(db, actor, POLICY_OF[op], taskId);
    out[op] = await eligiblePeopleFor(db, actor, op, resource);
  }
  return out;
}
