import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import {
  createActor,
  initialTransition,
  transition,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type AnyStateNode,
  type AnyTransitionDefinition,
  type StateValue,
} from 'xstate';
import { ROLES } from '@/db/schema/org';
import { COLLEGES, DEPARTMENTS } from '@/db/seed/org-units';
import type { StateMeta, WorkflowEvent } from './engine/types';
import { allDefinitions } from './registry';
import { SAMPLE_EVENT_AT, SAMPLES, type ProcessSamples } from './samples';

/**
 * Tests generated from every statechart of every version: @xstate/graph enumerates the shortest
 * path to every state and the simple paths through the chart; each path is replayed with the
 * pure `transition`, and together they must cover every state and every transition (eventless
 * `always` ones included). Static checks: every non-final state has a way out, every task names
 * a role of db ROLES in a real org unit, every action, applicant action and timer event is
 * handled where it is offered. Inside parallel states a region's state is active together with
 * its ancestors and the other regions, so what moves it may be declared there (see `alongside`).
 */
const ORG_IDS = new Set<string>([...DEPARTMENTS.map((d) => d[0]), ...COLLEGES.map((c) => c[0])]);

function stateNodes(machine: AnyStateMachine): AnyStateNode[] {
  const all: AnyStateNode[] = [];
  const walk = (node: AnyStateNode) => {
    for (const child of Object.values(node.states) as AnyStateNode[]) {
      all.push(child);
      walk(child);
    }
  };
  walk(machine.root);
  return all;
}

const pathOf = (node: AnyStateNode) => node.path.join('.');
const valueKey = (s: AnyMachineSnapshot) => JSON.stringify(s.value);

/** Every state path a state value has active: for parallel states, each region and its leaf. */
function activePaths(value: StateValue, prefix: string[] = []): string[] {
  if (typeof value === 'string') return [[...prefix, value].join('.')];
  return Object.entries(value).flatMap(([key, child]) => [
    [...prefix, key].join('.'),
    ...(child === undefined ? [] : activePaths(child as StateValue, [...prefix, key])),
  ]);
}

/** Eventless transitions are named `always`, as in the machine config. */
const edgesOf = (t: AnyTransitionDefinition) =>
  (t.target?.length ? t.target : [t.source]).map((target) => `${pathOf(t.source)} -${t.eventType || 'always'}-> ${pathOf(target)}`);

/** Every (from state, event, to state) the chart defines; targetless transitions stay put. */
function definedTransitions(machine: AnyStateMachine): Set<string> {
  const edges = new Set<string>();
  for (const node of stateNodes(machine)) {
    for (const t of [...[...node.transitions.values()].flat(), ...(node.always ?? [])]) for (const e of edgesOf(t)) edges.add(e);
  }
  return edges;
}

/**
 * The transitions one event takes, and the eventless ones that follow it: a parallel state may
 * move in several regions at once, so the snapshot values alone cannot tell. The pure API does
 * not report transitions; the inspection of a throwaway actor does (the charts only assign: no
 * actors, delays or side effects run).
 */
function takenTransitions(machine: AnyStateMachine, from: AnyMachineSnapshot, event: WorkflowEvent): string[] {
  const taken: string[] = [];
  let started = false;
  const actor = createActor(machine, {
    snapshot: machine.getPersistedSnapshot(from),
    inspect: (e) => {
      if (started && e.type === '@xstate.microstep') for (const t of e._transitions) taken.push(...edgesOf(t));
    },
  });
  actor.start();
  started = true;
  actor.send(event);
  actor.stop();
  return taken;
}

/**
 * One event per event type, carrying the sample input; or one per variant where the samples
 * give several (e.g. each rating, or the department whose task the actor worked).
 */
function eventsFor(machine: AnyStateMachine, samples: ProcessSamples): WorkflowEvent[] {
  const types = new Set<string>();
  for (const node of stateNodes(machine)) for (const type of node.transitions.keys()) types.add(type);
  return [...types].flatMap((type) =>
    (samples.eventVariants?.[type] ?? [{}]).map(
      (variant): WorkflowEvent => ({ type, actorId: null, comment: '', input: samples.eventInputs?.[type], at: SAMPLE_EVENT_AT, ...variant }),
    ),
  );
}

/** Test names show the acting department; paths tell variants apart by their input too. */
const eventName = (e: WorkflowEvent) => (e.taskOrgUnitId ? `${e.type}@${e.taskOrgUnitId}` : e.type);
const eventKey = (e: WorkflowEvent) => `${eventName(e)} ${JSON.stringify(e.input ?? null)}`;

/** The state and its ancestors up to the root, innermost first. */
function lineage(node: AnyStateNode): AnyStateNode[] {
  const nodes: AnyStateNode[] = [];
  for (let n: AnyStateNode | undefined = node; n; n = n.parent) nodes.push(n);
  return nodes;
}

function subtree(node: AnyStateNode): AnyStateNode[] {
  return [node, ...(Object.values(node.states) as AnyStateNode[]).flatMap(subtree)];
}

/**
 * The states that can be active while `node` is: its ancestors, its descendants, and every
 * state in the other regions of a parallel ancestor. Whatever they offer (tasks, timers) is sent
 * to the whole configuration, so it may be what moves `node`.
 */
function alongside(node: AnyStateNode): AnyStateNode[] {
  const nodes = new Set([...lineage(node), ...subtree(node)]);
  const line = new Set(lineage(node));
  for (const ancestor of line) {
    if (ancestor.type !== 'parallel') continue;
    for (const region of Object.values(ancestor.states) as AnyStateNode[]) if (!line.has(region)) for (const n of subtree(region)) nodes.add(n);
  }
  return [...nodes];
}

/** The events a state's own meta offers: task actions, applicant actions, timer events. */
function offers(node: AnyStateNode): { actions: string[]; timers: string[] } {
  const meta = node.meta as StateMeta | undefined;
  return {
    actions: [...(meta?.task?.actions ?? []), ...(meta?.applicantActions ?? [])].map((a) => a.type),
    timers: (meta?.timers ?? []).map((t) => t.event),
  };
}

for (const definition of allDefinitions()) {
  const { machine } = definition;
  const samples = SAMPLES[definition.id];
  describe(`${definition.id}@${definition.version} statechart`, () => {
    test('has samples for its path tests', () => assert.ok(samples, `add ${definition.id} to workflows/samples.ts`));
    if (!samples) return;
    const events = eventsFor(machine, samples);
    // A state is its value and the events its guards let through: the same value with another
    // context (e.g. a draft submitted, or a transfer asked for) may accept other events, and the
    // paths must reach both. The context itself would never repeat (rounds, replies keep growing).
    // Cached per snapshot: the simple paths serialize the same snapshots over and over.
    const keys = new WeakMap<AnyMachineSnapshot, string>();
    const stateKey = (s: AnyMachineSnapshot) => {
      let key = keys.get(s);
      if (key === undefined) {
        const accepted = s.status === 'active' ? events.filter((e) => s.can(e)).map(eventKey) : [];
        key = `${valueKey(s)} ${accepted.join(',')}`;
        keys.set(s, key);
      }
      return key;
    };
    const options = { events, serializeState: stateKey, serializeEvent: eventKey } as never;

    const shortest = samples.contexts.flatMap((input) =>
      getShortestPaths(machine, { ...(options as object), input } as never).map((path) => ({ path, input })),
    );
    const simple = samples.contexts.flatMap((input) => getSimplePaths(machine, { ...(options as object), input } as never));

    const seenStates = new Set<string>();
    const seenEdges = new Set<string>();
    const see = (s: AnyMachineSnapshot) => activePaths(s.value).forEach((p) => seenStates.add(p));
    for (const path of simple) for (const step of path.steps) see(step.state);

    // Transition coverage: for every state a shortest path reaches, every event it accepts,
    // replayed from the start along that path (so guards see the context the path built).
    shortest.forEach(({ path, input }) => {
      const steps = path.steps.map((s) => s.event).filter((e) => e.type !== 'xstate.init');
      const replay = () => {
        let [snapshot] = initialTransition(machine, input);
        for (const event of steps) {
          assert.ok(snapshot.can(event), `${eventName(event)} accepted in ${valueKey(snapshot)}`);
          [snapshot] = transition(machine, snapshot, event);
        }
        return snapshot;
      };
      const at = replay();
      see(at);
      if (at.status === 'done') return;
      for (const event of events) {
        if (!at.can(event)) continue;
        const [next] = transition(machine, at, event);
        see(next);
        const taken = takenTransitions(machine, at, event);
        if (taken.every((e) => seenEdges.has(e))) continue;
        taken.forEach((e) => seenEdges.add(e));
        test(`${[...steps, event].map(eventName).join(' → ')}: ${taken.join(', ')}`, () => {
          const [after] = transition(machine, replay(), event);
          assert.equal(valueKey(after), valueKey(next));
        });
      }
    });

    test('paths reach every state', () => {
      const missing = stateNodes(machine)
        .map(pathOf)
        .filter((p) => !seenStates.has(p));
      assert.deepEqual(missing, []);
    });

    test('paths take every transition', () => {
      const missing = [...definedTransitions(machine)].filter((e) => !seenEdges.has(e));
      assert.deepEqual(missing, []);
    });

    // A state's own transitions, or an ancestor's that leave the ancestor, get it out; in a
    // parallel state that is how a region's state ends (e.g. triage's accept exits every region).
    test('every non-final state has a way out, and offers only what it handles', () => {
      for (const node of stateNodes(machine)) {
        if (node.type === 'final') continue;
        const line = lineage(node);
        const handlers = line.flatMap((n) => [...[...n.transitions.values()].flat(), ...(n.always ?? [])]);
        assert.ok(handlers.length > 0, `${pathOf(node)} has no way out`);
        const leaves = (t: AnyTransitionDefinition) =>
          Boolean(t.target?.length) && (t.source === node || t.target!.some((target) => !lineage(target).includes(t.source)));
        const exits = handlers.filter(leaves);
        assert.ok(exits.length > 0, `${pathOf(node)} only loops on itself`);
        const offered = new Set(alongside(node).flatMap((n) => Object.values(offers(n)).flat()));
        assert.ok(
          exits.some((t) => !t.eventType || offered.has(t.eventType)),
          `${pathOf(node)}: nobody can move it (no task, timer or eventless transition takes a way out)`,
        );
        // Offered events may be handled by an ancestor, or, for a parent, by a region's state.
        const handled = new Set([...line, ...subtree(node)].flatMap((n) => [...n.transitions.keys()]));
        const own = offers(node);
        for (const type of own.actions) assert.ok(handled.has(type), `${pathOf(node)} offers ${type} but does not handle it`);
        for (const type of own.timers) assert.ok(handled.has(type), `${pathOf(node)} arms ${type} but ignores it`);
      }
    });

    test('every task names a role that exists, in a scope that exists', () => {
      for (const node of stateNodes(machine)) {
        const meta = node.meta as StateMeta | undefined;
        assert.ok(meta?.label?.zh && meta.label.en, `${pathOf(node)} has a zh/en label`);
        const task = meta.task;
        if (!task) continue;
        if (task.role === 'applicant') {
          assert.equal(task.scope.kind, 'applicant', `${pathOf(node)}: applicant tasks are scoped to the applicant`);
          continue;
        }
        assert.ok((ROLES as readonly string[]).includes(task.role), `${pathOf(node)}: role ${task.role} is not in ROLES`);
        if (task.scope.kind === 'org') assert.ok(ORG_IDS.has(task.scope.orgUnitId), `${pathOf(node)}: org ${task.scope.orgUnitId}`);
      }
    });

    // 会签 / 或签 / 依次: the group's yes must be one of the step's actions, handled there; a pass
    // ratio only for 会签, between 0 and 1; members are role holders, so not the applicant's scopes.
    test('group steps (会签/或签/依次) count an action the step handles', () => {
      for (const node of stateNodes(machine)) {
        const group = (node.meta as StateMeta | undefined)?.task?.group;
        if (!group) continue;
        const task = (node.meta as StateMeta).task!;
        assert.ok(task.actions.some((a) => a.type === group.approve), `${pathOf(node)}: ${group.approve} is not an action of the step`);
        assert.ok(node.transitions.has(group.approve), `${pathOf(node)} does not handle ${group.approve}`);
        assert.ok(!['applicant', 'context-orgs'].includes(task.scope.kind), `${pathOf(node)}: a group needs role holders`);
        if (group.passRatio !== undefined) {
          assert.equal(group.mode, 'all', `${pathOf(node)}: a pass ratio is for 会签 only`);
          assert.ok(group.passRatio > 0 && group.passRatio <= 1, `${pathOf(node)}: pass ratio ${group.passRatio}`);
        }
      }
    });

    test('final states say how the instance ended', () => {
      for (const node of stateNodes(machine)) {
        if (node.type === 'final') assert.ok((node.meta as StateMeta | undefined)?.outcome, `${pathOf(node)} has an outcome`);
      }
    });
  });
}
