import type { InstanceStatus } from '@/db/schema';
import type { Actor } from './actor';
import type { WorkingCalendar } from './calendar';
import { nextEvent, type InstanceRow, type TaskRow, type TransitionPlan } from './plan';
import { projectTransition } from './project';
import { restoreSnapshot } from './snapshot';
import type { Label, ProcessDefinition } from './types';

export interface EndInput {
  /** The log entry's type ('admin.cancel', 'instance.withdraw'). */
  type: string;
  actor: Pick<Actor, 'id' | 'roles'>;
  actorRole: string;
  comment: string | null;
  status: Exclude<InstanceStatus, 'active'>;
  actionLabel: Label;
  openTasks: TaskRow[];
  calendar: WorkingCalendar;
}

/**
 * Ends a running instance where it stands (管理员取消; 撤回申请 where the statechart has no
 * withdraw of its own): the log entry, then everything an ending implies as on any other path —
 * open tasks cancelled, timers disarmed, the applicant told why, 'instance.finished' sent.
 */
export function planEndInPlace(row: InstanceRow, definition: ProcessDefinition, input: EndInput, now: Date): TransitionPlan {
  const snapshot = restoreSnapshot(definition.machine, row.snapshot);
  const event = nextEvent(row, { type: input.type, actorId: input.actor.id, actorRole: input.actorRole, comment: input.comment, payload: {} }, now);
  const projection = projectTransition({
    definition,
    instance: row,
    revision: event.seq,
    prevSnapshot: snapshot,
    nextSnapshot: snapshot,
    status: input.status,
    fromState: row.state,
    toState: row.state,
    event: { type: input.type, actor: input.actor, comment: input.comment },
    actionLabel: input.actionLabel,
    openTasks: input.openTasks,
    now,
    calendar: input.calendar,
  });
  return {
    instance: { id: row.id, revision: row.revision, update: { status: input.status, completedAt: now, revision: event.seq, lastHash: event.hash, updatedAt: now } },
    event,
    ...projection,
    attachments: [],
  };
}
