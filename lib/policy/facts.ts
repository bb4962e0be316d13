import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { processInstances, tasks } from '@/db/schema';
import { getDefinition } from '@/workflows/registry';
import type { InstanceResource, PolicyActor, TaskFacts } from './resources';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs: anything that is not a UUID cannot name a record (and must not reach SQL). */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/**
 * What the policy needs to know about one instance, for one viewer: its applicant, its tasks
 * (open and done), and — for an anonymous letter — whether the viewer is its writer. Null when
 * the id names nothing.
 */
export async function loadInstanceFacts(db: Db, viewer: Pick<PolicyActor, 'id'> | null, id: string): Promise<InstanceResource | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      processId: processInstances.processId,
      processVersion: processInstances.processVersion,
      applicantId: processInstances.applicantId,
      applicantOrgId: processInstances.applicantOrgId,
      anonymous: sql<boolean>`coalesce((${processInstances.snapshot} #>> '{context,form,anonymous}')::boolean, false)`,
    })
    .from(processInstances)
    .where(eq(processInstances.id, id));
  if (!row) return null;
  const taskRows = await db
    .select({ role: tasks.role, orgUnitId: tasks.orgUnitId, assigneeId: tasks.assigneeId, status: tasks.status, completedBy: tasks.completedBy })
    .from(tasks)
    .where(and(eq(tasks.instanceId, id), inArray(tasks.status, ['open', 'done'])));
  return {
    kind: 'instance',
    id,
    processId: row.processId,
    applicantId: row.applicantId,
    applicantOrgId: row.applicantOrgId,
    viewerIsWriter: false && viewer !== null,
    anonymous: row.anonymous,
    confidential: Boolean(getDefinition(row.processId, row.processVersion).audience.anonymous),
    tasks: taskRows as TaskFacts[],
  };
}
