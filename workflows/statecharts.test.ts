import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode } from 'xstate';
import { ROLES } from '@/db/schema/org';
import { COLLEGES, DEPARTMENTS } from '@/db/seed/org-units';
import type { StateMeta, WorkflowEvent } from './engine/types';
import { allDefinitions } from './registry';
import { SAMPLE_EVENT_AT, SAMPLES } from './samples';

/**
 * Tests generated from every statechart of every version: @xstate/graph enumerates the shortest
 * path to every state and the simple paths through the chart; each path is replayed with the
 * pure `transition`, and together they must cover every state and every transition. Static
 * checks: every non-final state has a way out, every task names a role of db ROLES in a real
 * org unit, every action, applicant action and timer event is handled where it is offered.
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

/** Every (from state, event, to state) the chart defines; targetless transitions stay put. */
function definedTransitions(machine: AnyStateMachine): Set<string> {
  const edges = new Set<string>();
  for (const node of stateNodes(machine)) {
    for (const [type, list] of node.transitions) {
      for (const t of list) {
        const targets = t.target?.length ? t.target : [node];
        for (const target of targets) edges.add(`${pathOf(node)} -${type}-> ${pathOf(target)}`);
      }
    }
  }
  return edges;
}

function eventsFor(machine: AnyStateMachine, inputs: Record<string, unknown>) {
  const types = new Set<string>();
  for (const node of stateNodes(machine)) for (const type of node.transitions.keys()) types.add(type);
  return [...types].map(
    (type): WorkflowEvent => ({ type, actorId: null, comment: '', input: inputs[type], at: SAMPLE_EVENT_AT }),
  );
}

for (const definition of allDefinitions()) {
  const { machine } = definition;
  const samples = SAMPLES[definition.id];
  describe(`${definition.id}@${definition.version} statechart`, () => {
    test('has samples for its path tests', () => assert.ok(samples, `add ${definition.id} to workflows/samples.ts`));
    if (!samples) return;
    const events = eventsFor(machine, samples.eventInputs ?? {});
    const options = { events, serializeState: valueKey, serializeEvent: (e: WorkflowEvent) => e.type } as never;

    const shortest = samples.contexts.flatMap((input) =>
      getShortestPaths(machine, { ...(options as object), input } as never).map((path) => ({ path, input })),
    );
    const simple = samples.contexts.flatMap((input) => getSimplePaths(machine, { ...(options as object), input } as never));

    const seenStates = new Set<string>();
    const seenEdges = new Set<string>();
    for (const path of simple) for (const step of path.steps) seenStates.add(valueKey(step.state));

    // Transition coverage: for every state a shortest path reaches, every event it accepts,
    // replayed from the start along that path (so guards see the context the path built).
    shortest.forEach(({ path, input }) => {
      const steps = path.steps.map((s) => s.event).filter((e) => e.type !== 'xstate.init');
      const replay = () => {
        let [snapshot] = initialTransition(machine, input);
        for (const event of steps) {
          assert.ok(snapshot.can(event), `${event.type} accepted in ${valueKey(snapshot)}`);
          [snapshot] = transition(machine, snapshot, event);
        }
        return snapshot;
      };
      const at = replay();
      seenStates.add(valueKey(at));
      if (at.status === 'done') return;
      for (const event of events) {
        if (!at.can(event)) continue;
        const [next] = transition(machine, at, event);
        const edge = `${JSON.parse(valueKey(at))} -${event.type}-> ${JSON.parse(valueKey(next))}`;
        if (seenEdges.has(edge)) continue;
        seenEdges.add(edge);
        test(`${[...steps.map((e) => e.type), event.type].join(' → ')}: ${edge}`, () => {
          const [after] = transition(machine, replay(), event);
          assert.equal(valueKey(after), valueKey(next));
        });
      }
    });

    test('paths reach every state', () => {
      const missing = stateNodes(machine)
        .map(pathOf)
        .filter((p) => !seenStates.has(JSON.stringify(p)));
      assert.deepEqual(missing, []);
    });

    test('paths take every transition', () => {
      const missing = [...definedTransitions(machine)].filter((e) => !seenEdges.has(e));
      assert.deepEqual(missing, []);
    });

    test('every non-final state has a way out, and offers only what it handles', () => {
      for (const node of stateNodes(machine)) {
        if (node.type === 'final') continue;
        const meta = node.meta as StateMeta | undefined;
        const handled = new Set(node.transitions.keys());
        assert.ok(handled.size > 0, `${pathOf(node)} has no way out`);
        const ways = [...(meta?.task?.actions ?? []), ...(meta?.applicantActions ?? [])].map((a) => a.type);
        const exits = [...node.transitions.entries()].filter(([, ts]) => ts.some((t) => t.target?.length)).map(([type]) => type);
        assert.ok(exits.length > 0, `${pathOf(node)} only loops on itself`);
        assert.ok(ways.length > 0 || (meta?.timers?.length ?? 0) > 0, `${pathOf(node)}: nobody can move it`);
        for (const type of ways) assert.ok(handled.has(type), `${pathOf(node)} offers ${type} but does not handle it`);
        for (const timer of meta?.timers ?? []) assert.ok(handled.has(timer.event), `${pathOf(node)} arms ${timer.event} but ignores it`);
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

    test('final states say how the instance ended', () => {
      for (const node of stateNodes(machine)) {
        if (node.type === 'final') assert.ok((node.meta as StateMeta | undefined)?.outcome, `${pathOf(node)} has an outcome`);
      }
    });
  });
}
