import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { instanceEvents, messages, processInstances, tasks } from '@/db/schema';
import { AppError } from '@/workflows/engine/errors';
import { getDefinition } from '@/workflows/registry';
import { authorize } from './can';
import { MAILBOX_PROCESS } from './table';
import { isWriterOf } from './writer';
import type { InstanceResource, PolicyActor, TaskFacts, TaskResource } from './resources';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs: anything that is not a UUID cannot name a record (and must not reach SQL). */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** SQL: the row is an anonymous letter (its writer asked that no staff view name them). */
export const anonymousSql = sql<boolean>`coalesce((${processInstances.snapshot} #>> '{context,form,anonymous}')::boolean, false)`;

/** The same from a row already read: whether its snapshot says the writer asked to stay anonymous. */
export function anonymousOf(snapshot: unknown): boolean {
  return (snapshot as { context?: { form?: { anonymous?: unknown } } } | null)?.context?.form?.anonymous === true;
}

/** The facts a staff list or monitoring view needs of a row it already read (no per-viewer task facts). */
export function rowFacts(row: { processId: string; processVersion: number; snapshot: unknown }): Pick<InstanceResource, 'anonymous' | 'confidential'> {
  return { anonymous: anonymousOf(row.snapshot), confidential: Boolean(getDefinition(row.processId, row.processVersion).audience.anonymous) };
}

/**
 * What the policy needs to know about one instance, for one viewer: its applicant, its tasks
 * (open and done), and — for an anonymous letter — whether the viewer is its writer. Null when
 * the id names nothing.
 */
export async function loadInstanceFacts(db: Db, viewer: Pick<PolicyActor, 'id'> | null, id: string): Promise<InstanceResource | null> {
  if (!isUuid(id)) return null;
  // All reads in one round trip (pipelined): the tasks and copies of an id that names nothing are none.
  const [[row], taskRows, copies, acted] = await Promise.all([
    db
      .select({
        processId: processInstances.processId,
        processVersion: processInstances.processVersion,
        applicantId: processInstances.applicantId,
        applicantOrgId: processInstances.applicantOrgId,
        anonymous: anonymousSql,
      })
      .from(processInstances)
      .where(eq(processInstances.id, id)),
    db
      .select({ role: tasks.role, orgUnitId: tasks.orgUnitId, assigneeId: tasks.assigneeId, status: tasks.status, completedBy: tasks.completedBy, returnsTo: tasks.returnsTo })
      .from(tasks)
      .where(and(eq(tasks.instanceId, id), inArray(tasks.status, ['open', 'done']))),
    viewer
      ? db
          .select({ id: messages.id })
          .from(messages)
          .where(and(eq(messages.instanceId, id), eq(messages.userId, viewer.id), eq(messages.kind, 'instance.copy')))
          .limit(1)
      : [],
    // Whoever has an entry in its log took part — a 加签 signer's or 委派 delegate's opinion, a
    // holder who handed the task on: the task row they worked went back to its holder, so no task names them.
    viewer
      ? db
          .select({ seq: instanceEvents.seq })
          .from(instanceEvents)
          .where(and(eq(instanceEvents.instanceId, id), eq(instanceEvents.actorId, viewer.id)))
          .limit(1)
      : [],
  ]);
  if (!row) return null;
  return {
    kind: 'instance',
    id,
    processId: row.processId,
    applicantId: row.applicantId,
    applicantOrgId: row.applicantOrgId,
    // An anonymous letter has no applicant: its writer is found through the one-way reference.
    viewerIsWriter: viewer !== null && row.processId === MAILBOX_PROCESS && (await isWriterOf(db, viewer.id, id)),
    anonymous: row.anonymous,
    confidential: Boolean(getDefinition(row.processId, row.processVersion).audience.anonymous),
    tasks: taskRows as TaskFacts[],
    viewerCopied: copies.length > 0,
    viewerActed: acted.length > 0,
  };
}

type InstanceAction = 'instance.view' | 'instance.act' | 'instance.copy' | 'instance.withdraw' | 'instance.withdraw-approval' | 'instance.urge' | 'letter.desk' | 'letter.publish' | 'admin.instance';

/**
 * Loads one instance's facts for this viewer and authorizes the action on it: the usual first
 * line of anything that shows or changes one instance. An id that names nothing is NOT_FOUND,
 * exactly like a refusal that hides.
 */
export async function authorizeInstance(db: Db, actor: PolicyActor, action: InstanceAction, id: string): Promise<InstanceResource> {
  const facts = await loadInstanceFacts(db, actor, id);
  if (!facts) throw new AppError('NOT_FOUND', `instance ${id}`);
  authorize(actor, action, facts);
  return facts;
}

type TaskAction = 'task.transfer' | 'task.delegate' | 'task.answer' | 'task.add-signer' | 'task.remove-signer';

/**
 * Authorizes an operation on one task: first whether the actor may see its instance at all (an
 * outsider learns nothing: 404), then the operation itself (403 with the reason).
 */
export async function authorizeTask(db: Db, actor: PolicyActor, action: TaskAction, taskId: string): Promise<TaskResource> {
  const noTask = () => new AppError('NOT_FOUND', `task ${taskId}`, { zh: '找不到该待办', en: 'No such task' });
  if (!isUuid(taskId)) throw noTask();
  const [task] = await db.select().from(tasks).where(eq(tasks.id, taskId));
  if (!task) throw noTask();
  const instance = await loadInstanceFacts(db, actor, task.instanceId);
  if (!instance) throw noTask();
  authorize(actor, 'instance.act', instance);
  const resource: TaskResource = { kind: 'task', task: { ...task, handover: task.handover ?? null }, instance };
  authorize(actor, action, resource);
  return resource;
}
