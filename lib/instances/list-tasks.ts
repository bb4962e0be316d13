import { and, desc, eq, not, sql, type SQL } from 'drizzle-orm';
import { LIST_CAP } from '@/lib/paging';
import type { Db } from '@/db/client';
import { orgUnits, processInstances, tasks, users } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { stateMeta } from '@/workflows/engine/snapshot';
import type { Label, TaskAction } from '@/workflows/engine/types';
import { getDefinition } from '@/workflows/registry';
import { anonymousSql } from '../policy';

export interface TaskItem {
  id: string;
  instanceId: string;
  caseNo: string | null;
  process: string;
  processTitle: Label;
  title: Label;
  state: string;
  stateLabel: Label;
  applicantName: string | null;
  applicantOrg: Label | null;
  createdAt: string;
  dueAt: string | null;
  completedAt: string | null;
  outcome: string | null;
  revision: number;
  actions: TaskAction[];
}

/**
 * The ids of the open tasks that are the actor's — named, or a role they hold in the task's org
 * unit (or university-wide) — as one UNION branch per way of being a candidate, so that each
 * branch is an index range: (assignee_id, status) for named tasks, (status, role, org_unit_id,
 * created_at) for a role binding. With `limit`, each branch yields only its oldest `limit`
 * (in created_at order, off the index), and the union keeps the oldest `limit` of those.
 * The bindings are the actor's (loadActor reads them per request), the same ones isCandidate
 * checks when they act, so the list shows exactly the tasks they may work.
 */
function openTaskIds(actor: Actor, limit?: number): SQL {
  const capped = (branch: SQL) =>
    limit === undefined ? branch : sql`(${branch} order by ${tasks.createdAt} limit ${limit})`;
  const branches: SQL[] = [
    capped(sql`select ${tasks.id}, ${tasks.createdAt} from ${tasks} where ${tasks.status} = 'open' and ${tasks.assigneeId} = ${actor.id}`),
  ];
  const seen = new Set<string>();
  for (const b of actor.roles) {
    const key = `${b.role}|${b.orgUnitId ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const scope = b.orgUnitId === null ? sql`` : sql` and ${tasks.orgUnitId} = ${b.orgUnitId}`;
    branches.push(
      capped(
        sql`select ${tasks.id}, ${tasks.createdAt} from ${tasks} where ${tasks.status} = 'open' and ${tasks.role} = ${b.role}${scope} and ${tasks.assigneeId} is null`,
      ),
    );
  }
  // UNION (not ALL): a task two bindings reach (a college's and a university-wide one) is one
  // task, taking one of the `limit` places and counted once.
  const union = sql.join(branches, sql` union `);
  return limit === undefined ? union : sql`select u.id from (${union}) u order by u.created_at limit ${limit}`;
}

/** The filter that makes a task the actor's: one of their oldest `limit` open tasks, or one they completed. */
function mine(actor: Actor, status: 'open' | 'done', limit: number) {
  return status === 'open'
    ? and(eq(tasks.status, 'open'), sql`${tasks.id} in (${openTaskIds(actor, limit)})`)
    : and(eq(tasks.status, 'done'), eq(tasks.completedBy, actor.id));
}

/**
 * The caller's 待办 (open tasks they are a candidate for) or 已办 (tasks they completed).
 * A task is the caller's when it names them, or when they hold its role in its org unit.
 */
export async function listTasks(db: Db, actor: Actor, status: 'open' | 'done', limit = 100): Promise<TaskItem[]> {
  const rows = await db
    // Only the instance columns a row shows: the snapshot (the largest column) stays in the database.
    .select({
      t: tasks,
      i: {
        id: processInstances.id,
        caseNo: processInstances.caseNo,
        processId: processInstances.processId,
        processVersion: processInstances.processVersion,
        title: processInstances.title,
        revision: processInstances.revision,
      },
      applicantName: users.name,
      orgZh: orgUnits.nameZh,
      orgEn: orgUnits.nameEn,
    })
    .from(tasks)
    .innerJoin(processInstances, eq(processInstances.id, tasks.instanceId))
    // An anonymous writer is named in no staff list (lib/policy/views.ts), not even by department.
    .leftJoin(users, and(eq(users.id, processInstances.applicantId), not(anonymousSql)))
    .leftJoin(orgUnits, and(eq(orgUnits.id, processInstances.applicantOrgId), not(anonymousSql)))
    .where(mine(actor, status, limit))
    .orderBy(status === 'open' ? tasks.createdAt : desc(tasks.completedAt))
    .limit(limit);
  return rows.map(({ t, i, applicantName, orgZh, orgEn }) => {
    const definition = getDefinition(i.processId, i.processVersion);
    const meta = stateMeta(definition.machine, t.state);
    return {
      id: t.id,
      instanceId: i.id,
      caseNo: i.caseNo,
      process: i.processId,
      processTitle: definition.title,
      title: i.title,
      state: t.state,
      stateLabel: meta?.label ?? { zh: t.state, en: t.state },
      applicantName,
      applicantOrg: orgZh ? { zh: orgZh, en: orgEn! } : null,
      createdAt: t.createdAt.toISOString(),
      dueAt: t.dueAt?.toISOString() ?? null,
      completedAt: t.completedAt?.toISOString() ?? null,
      outcome: t.outcome,
      revision: i.revision,
      // What the task offers now: none while it is out with a delegate or a before-signer (委派 / 前加签).
      actions: status === 'open' ? (meta?.task?.actions ?? []).filter((a) => t.actions.includes(a.type)) : [],
    };
  });
}

/**
 * The 待办 badge and home figure: a COUNT in the database over the same branches, not rows
 * fetched to be counted — and over each branch's oldest `cap + 1` only, so a 校医院 handler with
 * 100,000 waiting costs what one with a thousand does. Exact up to `cap`; `cap + 1` means more.
 */
export async function countOpenTasks(db: Db, actor: Actor, cap = LIST_CAP): Promise<number> {
  return countOf(db, openTaskCountSql(actor, cap));
}

/** countOpenTasks' statement, for a caller that counts other things in the same one (the portal's badges). */
export function openTaskCountSql(actor: Actor, cap = LIST_CAP): SQL {
  return sql`select count(*)::int as n from (${openTaskIds(actor, cap + 1)}) u`;
}

/** 已办's count: the tasks the caller completed (the tab label; the rows come one page at a time). */
export async function countDoneTasks(db: Db, actor: Actor): Promise<number> {
  return countOf(db, sql`select count(*)::int as n from ${tasks} where ${tasks.status} = 'done' and ${tasks.completedBy} = ${actor.id}`);
}

async function countOf(db: Db, query: SQL): Promise<number> {
  const result = await db.execute(query);
  // postgres.js returns the rows, PGlite an object holding them.
  const rows = ((result as { rows?: unknown[] }).rows ?? (result as unknown as unknown[])) as Array<{ n: number }>;
  return Number(rows[0]?.n ?? 0);
}
