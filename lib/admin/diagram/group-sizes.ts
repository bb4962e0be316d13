import type { Queryable } from '@/db/client';
import { loadGroupMembers } from '@/workflows/engine/group-members';
import type { ProcessDefinition } from '@/workflows/engine/types';

/** How many people sit in each group step (会签/或签/依次) of a diagram, by state path. */
export type GroupSizes = Record<string, number>;

/**
 * The member counts a diagram can state. For one instance (its applicant known) every group
 * step's members are known. For a definition only the steps whose scope does not depend on the
 * applicant (the whole university, a fixed unit): a step of the applicant's own unit (部门负责人)
 * has as many members as that unit has leaders, so the diagram names the role instead.
 * No query for a definition without groups.
 */
export async function loadGroupSizes(db: Queryable, definition: ProcessDefinition, applicant?: { id: string | null; orgUnitId: string | null }): Promise<GroupSizes> {
  const members = await loadGroupMembers(db, definition, applicant ?? { id: null, orgUnitId: null });
  const sizes: GroupSizes = {};
  for (const [path, list] of Object.entries(members)) {
    const scope = definition.machine.getStateNodeById(`${definition.machine.id}.${path}`).meta?.task?.scope?.kind;
    if (applicant || scope === 'global' || scope === 'org') sizes[path] = list.length;
  }
  return sizes;
}
