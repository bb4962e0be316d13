import type { AnyMachineSnapshot } from 'xstate';
import type { InstanceStatus } from '@/db/schema';
import { isCandidate, resolveScopeOrg, type Actor } from './actor';
import { addDelay, anchorDate, type WorkingCalendar } from './calendar';
import { routeTasks, type DeputyRoute, type Deputies } from './deputies';
import type { Effect } from './effects';
import { webhookEventsFor } from './enqueue-webhooks';
import { instanceMessage, type PlannedMessage, type TaskChanges, type TaskInsert, type TaskRow, type TimerChanges } from './plan';
import { copiedAtStep, copyMessage } from './plan-copy';
import { memberTask } from './plan-vote';
import type { GroupMembers } from './group-members';
import { activeStates } from './snapshot';
import { outcomeLabel } from '../labels/generic-events';
import type { Label, ProcessDefinition, StateMeta } from './types';

/** What the projection needs to know about one transition. */
export interface ProjectionInput {
  definition: ProcessDefinition;
  instance: { id: string; applicantId: string | null; applicantOrgId: string | null; processVersion: number };
  /** The revision the transition writes (= the event's seq). */
  revision: number;
  /** null on a start. */
  prevSnapshot: AnyMachineSnapshot | null;
  nextSnapshot: AnyMachineSnapshot;
  status: InstanceStatus;
  fromState: string | null;
  toState: string;
  event: { type: string; actor: Pick<Actor, 'id' | 'roles'> | null; comment: string | null };
  /** How people read the event ('批准', '超过 3 个工作日未处理'): the applicant's message quotes it. */
  actionLabel: Label;
  /** The instance's open tasks, read after its row was locked (none on a start). */
  openTasks: TaskRow[];
  now: Date;
  calendar: WorkingCalendar;
  /** 代理: who is away and their deputies (loadDeputies); absent in pure tests: nobody is away. */
  deputies?: Deputies;
  /** 会签 / 或签 / 依次: the members of each group state (loadGroupMembers); absent or empty: one task for the role. */
  groups?: GroupMembers;
}

export interface Projection {
  tasks: TaskChanges;
  timers: TimerChanges;
  messages: PlannedMessage[];
  effects: Effect[];
  /** Opened tasks that went to a deputy (代理), for the log entry. */
  routed: DeputyRoute[];
}

/** The org unit ids a context-orgs task scope lists in the snapshot's context. */
function contextOrgs(snapshot: AnyMachineSnapshot, key: string): string[] {
  const value = (snapshot.context as Record<string, unknown>)[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The rows a transition implies besides the snapshot and its log entry, from the active states
 * before and after it — pure, so it is tested without a database (project.test.ts):
 * - tasks: states left close theirs (done by whoever could work them, cancelled otherwise);
 *   states entered open theirs (one per org unit for context-orgs scopes, kept in step);
 * - timers: leaving a state disarms its timers, entering arms them (ending disarms all);
 * - messages: 'task.new' to the candidates of opened tasks (not the actor), the applicant hears
 *   of every step someone else takes, a firing timer that says `remind` writes a reminder;
 * - effects: the instance's webhook events, and what entered states declare (StateMeta.effects).
 */
export function projectTransition(p: ProjectionInput): Projection {
  const { definition, instance, nextSnapshot, status, event, now } = p;
  const prevActive = new Map((p.prevSnapshot ? activeStates(p.prevSnapshot) : []).map((s) => [s.path, s.meta]));
  const nextActive = new Map(activeStates(nextSnapshot).map((s) => [s.path, s.meta]));
  const entered = [...nextActive].filter(([path]) => !prevActive.has(path));

  // A state that becomes a group step in place (an admin migration onto a version where it is
  // 会签/或签/依次): it is entered as a group — its role task closes and the members' tasks open.
  const regrouped = new Set([...nextActive].filter(([path, meta]) => meta.task?.group && prevActive.has(path) && !prevActive.get(path)?.task?.group).map(([path]) => path));
  const groupEntered = (path: string) => !prevActive.has(path) || regrouped.has(path);

  // Tasks of states the instance left are done by whoever could work them, cancelled otherwise.
  const stillWanted = (task: TaskRow) => {
    const meta = nextActive.get(task.state);
    if (!meta?.task || status !== 'active' || regrouped.has(task.state)) return false;
    return meta.task.scope.kind !== 'context-orgs' || contextOrgs(nextSnapshot, meta.task.scope.key).includes(task.orgUnitId ?? '');
  };
  const closedBy = (task: TaskRow) => event.actor !== null && isCandidate(event.actor, task) && task.actions.includes(event.type);
  const leaving = p.openTasks.filter((t) => !stillWanted(t));
  const done = leaving.filter(closedBy).map((t) => t.id);
  const cancelled = leaving.filter((t) => !closedBy(t)).map((t) => t.id);
  const kept = p.openTasks.filter(stillWanted);
  const stillOpen = new Set(kept.map((t) => `${t.state}|${t.orgUnitId ?? ''}`));
  const projected: TaskInsert[] = [];
  if (status === 'active') {
    for (const [path, meta] of nextActive) {
      if (!meta.task) continue;
      const scope = meta.task.scope;
      const orgs = scope.kind === 'context-orgs' ? contextOrgs(nextSnapshot, scope.key) : [resolveScopeOrg(scope, instance.applicantOrgId)];
      // A group step (会签/或签/依次) entered: a task named to each member, or to the first in turn.
      const members = meta.task.group && groupEntered(path) ? (p.groups?.[path] ?? []) : [];
      if (members.length > 0) {
        const seats = meta.task.group!.mode === 'sequence' ? members.slice(0, 1) : members;
        projected.push(...seats.map((m) => memberTask(instance.id, path, meta, orgs[0] ?? null, m, now, p.calendar)));
        continue;
      }
      for (const orgUnitId of orgs) {
        if (stillOpen.has(`${path}|${orgUnitId ?? ''}`)) continue;
        projected.push({
          instanceId: instance.id,
          state: path,
          role: meta.task.role,
          orgUnitId,
          assigneeId: scope.kind === 'applicant' ? instance.applicantId : null,
          actions: meta.task.actions.map((a) => a.type),
          createdAt: now,
          dueAt: meta.task.dueInWorkingDays ? addDelay(now, { workingDays: meta.task.dueInWorkingDays }, p.calendar) : null,
        });
      }
    }
  }

  // 代理: a task that would come to someone away goes to their deputy (workflows/engine/deputies.ts).
  const { open, routed } = routeTasks(projected, p.deputies, instance.applicantId);

  // Timers belong to a state: leaving it disarms them, entering it arms them.
  const left = [...prevActive.keys()].filter((path) => !nextActive.has(path));
  const arm =
    status !== 'active'
      ? []
      : entered.flatMap(([path, meta]) =>
          (meta.timers ?? []).map((timer) => {
            const anchor = timer.from?.(nextSnapshot.context);
            return { instanceId: instance.id, state: path, eventType: timer.event, fireAt: addDelay(anchor ? anchorDate(anchor) : now, timer.delay, p.calendar) };
          }),
        );
  const disarm = status !== 'active' ? (prevActive.size > 0 ? { all: true as const } : null) : left.length > 0 ? { states: left } : null;

  const message = (to: PlannedMessage['to'], kind: string, params: Record<string, string>) => instanceMessage(instance, definition, to, kind, params, now);
  const actorId = event.actor?.id ?? null;
  const messages: PlannedMessage[] = [];
  // 'task.new' for the candidates of each opened task (not the actor).
  open.forEach((task, i) => {
    const label = nextActive.get(task.state)?.label;
    const params = { stateZh: label?.zh ?? '', stateEn: label?.en ?? '' };
    if (task.assigneeId) {
      if (task.assigneeId !== actorId) messages.push(message({ userId: task.assigneeId }, 'task.new', params));
    } else {
      messages.push(message({ role: task.role, orgUnitId: task.orgUnitId ?? null, group: `task:${i}`, exceptUserId: actorId }, 'task.new', params));
    }
  });
  // 抄送 by meta: the role holders of an entered state's `cc` are informed (not the actor).
  for (const [path, meta] of entered) {
    (meta.cc ?? []).forEach((cc, i) => {
      const orgUnitId = resolveScopeOrg(cc.scope, instance.applicantOrgId);
      messages.push(copyMessage(instance, definition, { role: cc.role, orgUnitId, group: `cc:${path}:${i}`, exceptUserId: actorId }, copiedAtStep(meta.label), null, now));
    });
  }
  // The applicant hears of every step someone else takes on their instance — once: a task the
  // same event opens for them (退回修改 → 修改后重新提交) is what the update says, so it is not
  // told again as a second 'task.new' (one message per event per person).
  // A reminder timer is not a step: it reminds (below), and tells nobody else.
  const reminded = event.actor === null ? reminders(p, prevActive, [...kept, ...open], message) : [];
  const remindOnly = event.actor === null && status === 'active' && p.fromState === p.toState && [...prevActive.values()].some((m) => m.timers?.some((t) => t.event === event.type && t.remind));
  if (instance.applicantId && p.prevSnapshot && actorId !== instance.applicantId && !remindOnly) {
    const step = stepLeft(prevActive, nextActive, event.type);
    const outcome = outcomeLabel(event.type, p.actionLabel);
    const own = messages.findIndex((m) => 'userId' in m.to && m.to.userId === instance.applicantId);
    if (own >= 0) messages.splice(own, 1);
    messages.push(
      message({ userId: instance.applicantId }, status === 'active' ? 'instance.update' : `instance.${status}`, {
        actionZh: p.actionLabel.zh,
        actionEn: p.actionLabel.en,
        stepZh: step?.zh ?? '',
        stepEn: step?.en ?? '',
        outcomeZh: outcome.zh,
        outcomeEn: outcome.en,
        comment: event.comment ?? '',
      }),
    );
  }
  // A timer (of a state just left) that says `remind` writes an 'instance.reminder' when it fires.
  messages.push(...reminded);

  const effects: Effect[] = [];
  const events = webhookEventsFor({ fromState: p.fromState, toState: p.toState, status });
  if (events.length > 0) {
    effects.push({
      kind: 'instanceEvent',
      events,
      instance: { id: instance.id, processId: definition.id, processVersion: instance.processVersion, state: p.toState, status, revision: p.revision },
      transition: { type: event.type, from: p.fromState, to: p.toState },
      at: now,
    });
  }
  for (const [path, meta] of entered) {
    for (const spec of meta.effects ?? []) {
      if (spec.kind === 'handOff') {
        const form = (nextSnapshot.context as { form?: unknown }).form ?? {};
        effects.push({ kind: 'handOff', hook: spec.hook, instanceId: instance.id, revision: p.revision, payload: { processId: definition.id, instanceId: instance.id, state: path, form }, at: now });
      } else {
        effects.push({ kind: 'emailWriter', template: spec.template, instanceId: instance.id, revision: p.revision, at: now });
      }
    }
  }

  return {
    tasks: {
      done: done.length > 0 ? { ids: done, by: actorId!, outcome: event.type } : null,
      cancelled: cancelled.length > 0 ? { ids: cancelled, outcome: event.type } : null,
      assign: null,
      open,
    },
    timers: { disarm, arm },
    messages,
    effects,
    routed,
  };
}

/**
 * The step an event was taken at, as people know it (辅导员核实): the state left whose task or
 * applicant actions offered the event, else the first labelled state left.
 */
function stepLeft(prevActive: Map<string, StateMeta>, nextActive: Map<string, StateMeta>, type: string): Label | undefined {
  const left = [...prevActive].filter(([path]) => !nextActive.has(path)).map(([, meta]) => meta);
  const offered = (m: StateMeta) => [...(m.task?.actions ?? []), ...(m.applicantActions ?? [])].some((a) => a.type === type);
  return (left.find((m) => m.label && offered(m)) ?? [...prevActive.values()].find((m) => m.label && offered(m)) ?? left.find((m) => m.label))?.label;
}

function reminders(
  p: ProjectionInput,
  prevActive: Map<string, StateMeta>,
  openAfter: Array<Pick<TaskRow, 'assigneeId' | 'role' | 'orgUnitId'> | TaskInsert>,
  message: (to: PlannedMessage['to'], kind: string, params: Record<string, string>) => PlannedMessage,
): PlannedMessage[] {
  const owner = [...prevActive.values()].find((m) => m.timers?.some((t) => t.event === p.event.type && t.remind));
  const timer = owner?.timers?.find((t) => t.event === p.event.type && t.remind);
  if (!owner || !timer) return [];
  const params = { stateZh: owner.label?.zh ?? '', stateEn: owner.label?.en ?? '' };
  if (timer.remind === 'applicant') return p.instance.applicantId ? [message({ userId: p.instance.applicantId }, 'instance.reminder', params)] : [];
  // Whoever can work the tasks open after the event: named people once each, role holders once each.
  const named = [...new Set(openAfter.map((t) => t.assigneeId).filter((id): id is string => !!id))];
  const byRole = new Map(openAfter.filter((t) => !t.assigneeId).map((t) => [`${t.role}|${t.orgUnitId ?? ''}`, t]));
  return [
    ...named.map((userId) => message({ userId }, 'instance.reminder', params)),
    ...[...byRole.values()].map((t) => message({ role: t.role, orgUnitId: t.orgUnitId ?? null, group: 'reminder', exceptUserId: null }, 'instance.reminder', params)),
  ];
}
