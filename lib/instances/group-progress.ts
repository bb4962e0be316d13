import type { Db } from '@/db/client';
import { groupBadge } from '@/lib/labels';
import { loadGroupMembers } from '@/workflows/engine/group-members';
import type { InstanceRow, TaskRow } from '@/workflows/engine/plan';
import { visitTasks } from '@/workflows/engine/plan-vote';
import type { ActiveState } from '@/workflows/engine/snapshot';
import type { GroupMeta, Label, ProcessDefinition } from '@/workflows/engine/types';

/** Where one member of a group step stands: yes, another answer, 已由他人处理, their turn, not yet. */
export type MemberStatus = 'approved' | 'against' | 'closed' | 'pending' | 'waiting';

/** A group step the instance waits in (会签/或签/依次): who has acted and who is pending. */
export interface GroupProgress {
  state: string;
  stateLabel: Label;
  mode: GroupMeta['mode'];
  /** 会签 2 人, 或签 3 人, 会签 3 人 2/3 通过 … */
  badge: Label;
  approved: number;
  of: number;
  needed: number;
  /** Names only for audiences that may see staff names; otherwise null (the count stays). */
  members: Array<{ name: string | null; status: MemberStatus; at: string | null }>;
}

/**
 * The progress of each group step the instance stands in, from the tasks of the current visit
 * (those opened since it entered the step) and, for 依次, the members whose turn has not come.
 */
export async function groupProgress(
  db: Db,
  row: InstanceRow,
  definition: ProcessDefinition,
  active: ActiveState[],
  allTasks: TaskRow[],
  names: Map<string, string> | null,
): Promise<GroupProgress[]> {
  const steps = active.filter((s) => s.meta.task?.group);
  if (steps.length === 0 || row.status !== 'active') return [];
  const members = await loadGroupMembers(db, definition, { id: row.applicantId, orgUnitId: row.applicantOrgId });
  const named = (id: string | null) => (names && id ? (names.get(id) ?? null) : null);
  return steps.map(({ path, meta }) => {
    const group = meta.task!.group!;
    const visit = visitTasks(row, path, allTasks).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const had = new Set(visit.flatMap((t) => [t.assigneeId, t.onBehalfOf]));
    const later = group.mode === 'sequence' ? (members[path] ?? []).filter((m) => !had.has(m.id)) : [];
    const of = visit.length + later.length;
    const approved = visit.filter((t) => t.status === 'done' && t.outcome === group.approve).length;
    const needed = group.mode === 'any' ? 1 : group.mode === 'sequence' ? of : Math.max(1, Math.ceil((group.passRatio ?? 1) * of - 1e-9));
    const status = (t: TaskRow): MemberStatus =>
      t.status === 'open' ? 'pending' : t.status === 'cancelled' ? 'closed' : t.outcome === group.approve ? 'approved' : 'against';
    return {
      state: path,
      stateLabel: meta.label,
      mode: group.mode,
      badge: groupBadge(group, of),
      approved,
      of,
      needed,
      members: [
        ...visit.map((t) => ({ name: named(t.completedBy ?? t.assigneeId), status: status(t), at: t.completedAt?.toISOString() ?? null })),
        ...later.map((m) => ({ name: names ? m.name : null, status: 'waiting' as const, at: null })),
      ],
    };
  });
}
