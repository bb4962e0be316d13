import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { instanceEvents, processInstances, tasks, users } from '@/db/schema';
import { AppError } from '@/workflows/engine/errors';
import { verifyChain } from '@/workflows/engine/hash-chain';
import { isUuid, rowFacts, scopeAllowsInstance, staffFieldsFor, type AdminScope } from '../policy';

const notFound = (id: string) => new AppError('NOT_FOUND', `instance ${id}`, { zh: '找不到该办件', en: 'No such instance' });

/**
 * One instance as the monitoring view shows it: the row, its whole event log with actor names,
 * its tasks, and the verdict of its hash chain. Outside the viewer's scope it does not exist.
 */
export async function getInstanceDetail(db: Db, scope: AdminScope, id: string) {
  if (!isUuid(id)) throw notFound(id);
  const [instance] = await db.select().from(processInstances).where(eq(processInstances.id, id));
  if (!instance || !scopeAllowsInstance(scope, instance)) throw notFound(id);
  const [events, taskRows, applicant] = await Promise.all([
    db
      .select({ event: instanceEvents, actorName: users.name })
      .from(instanceEvents)
      .leftJoin(users, eq(users.id, instanceEvents.actorId))
      .where(eq(instanceEvents.instanceId, id))
      .orderBy(asc(instanceEvents.seq)),
    db
      .select({ task: tasks, assigneeName: users.name })
      .from(tasks)
      .leftJoin(users, eq(users.id, tasks.assigneeId))
      .where(eq(tasks.instanceId, id))
      .orderBy(asc(tasks.createdAt)),
    instance.applicantId ? db.select({ name: users.name, username: users.username }).from(users).where(eq(users.id, instance.applicantId)) : [],
  ]);
  const chain = verifyChain(events.map((e) => e.event));
  // The chain is verified on the rows as stored; what is shown follows the staff view (lib/policy/views.ts):
  // an anonymous writer is named nowhere, not as applicant, not as the actor of their own steps.
  const { writerIdentity } = staffFieldsFor(rowFacts(instance));
  const hide = (e: (typeof events)[number]['event']) => !writerIdentity && e.actorRole === 'applicant';
  return {
    instance: writerIdentity ? instance : { ...instance, applicantId: null, applicantOrgId: null },
    applicant: writerIdentity ? (applicant[0] ?? null) : null,
    events: events.map((e) => (hide(e.event) ? { ...e.event, actorId: null, actorName: null } : { ...e.event, actorName: e.actorName })),
    tasks: taskRows.map((t) => ({ ...t.task, assigneeName: t.assigneeName })),
    chain,
  };
}

export type InstanceDetail = Awaited<ReturnType<typeof getInstanceDetail>>;
