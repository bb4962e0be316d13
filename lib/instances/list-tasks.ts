import { and, count, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { orgUnits, processInstances, tasks, users } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { stateMeta } from '@/workflows/engine/snapshot';
import type { Label, TaskAction } from '@/workflows/engine/types';
import { getDefinition } from '@/workflows/registry';

export interface TaskItem {
  id: string;
  instanceId: string;
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

/** The filter that makes a task the actor's: named, or a role they hold in its org unit (or university-wide). */
function mine(actor: Actor, status: 'open' | 'done') {
  return status === 'open'
    ? and(
          eq(tasks.status, 'open'),
          or(
            eq(tasks.assigneeId, actor.id),
            and(
              isNull(tasks.assigneeId),
              sql`exists (select 1 from role_bindings rb where rb.user_id = ${actor.id}
                and rb.role = ${tasks.role} and (rb.org_unit_id is null or rb.org_unit_id = ${tasks.orgUnitId}))`,
            ),
          ),
        )
      : and(eq(tasks.status, 'done'), eq(tasks.completedBy, actor.id));
}

/**
 * The caller's 待办 (open tasks they are a candidate for) or 已办 (tasks they completed).
 * A task is the caller's when it names them, or when they hold its role in its org unit.
 */
export async function listTasks(db: Db, actor: Actor, status: 'open' | 'done', limit = 100): Promise<TaskItem[]> {
  const rows = await db
    .select({ t: tasks, i: processInstances, applicantName: users.name, orgZh: orgUnits.nameZh, orgEn: orgUnits.nameEn })
    .from(tasks)
    .innerJoin(processInstances, eq(processInstances.id, tasks.instanceId))
    .leftJoin(users, eq(users.id, processInstances.applicantId))
    .leftJoin(orgUnits, eq(orgUnits.id, processInstances.applicantOrgId))
    .where(mine(actor, status))
    .orderBy(status === 'open' ? tasks.createdAt : desc(tasks.completedAt))
    .limit(limit);
  return rows.map(({ t, i, applicantName, orgZh, orgEn }) => {
    const definition = getDefinition(i.processId, i.processVersion);
    const meta = stateMeta(definition.machine, t.state);
    return {
      id: t.id,
      instanceId: i.id,
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
      actions: status === 'open' ? (meta?.task?.actions ?? []) : [],
    };
  });
}

/** The 待办 badge: a COUNT in the database, not rows fetched to be counted. */
export async function countOpenTasks(db: Db, actor: Actor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(tasks).where(mine(actor, 'open'));
  return row?.n ?? 0;
}
