import type { AnyMachineSnapshot, AnyStateMachine, StateValue } from 'xstate';
import type { Label, StateMeta } from './types';

/** Leaf state paths of a state value: 'a' | 'a.b' | several for parallel states. */
export function leafPaths(value: StateValue, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix + value];
  const paths: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const childPaths = child === undefined ? [prefix + key] : leafPaths(child as StateValue, `${prefix}${key}.`);
    paths.push(...childPaths);
  }
  return paths;
}

/** The stored form of a state value: leaf paths joined by ','. */
export function stateKey(value: StateValue): string {
  return leafPaths(value).sort().join(',');
}

export interface ActiveState {
  /** Path inside the machine, e.g. 'counselorReview' or 'review.hospital'. */
  path: string;
  meta: StateMeta;
}

/** Every active state node (leaves and their ancestors) that carries meta, outermost first. */
export function activeStates(snapshot: AnyMachineSnapshot): ActiveState[] {
  const machineId = snapshot.machine.id;
  return Object.entries(snapshot.getMeta() as Record<string, StateMeta | undefined>)
    .filter((entry): entry is [string, StateMeta] => entry[1] !== undefined)
    .map(([id, meta]) => ({ path: id.slice(machineId.length + 1), meta }));
}

/**
 * The labels people see as "current step": the top-level state, and inner states where
 * someone has something to do. Bookkeeping regions of parallel states (a clock that is on
 * time, a review queue that is empty) keep labels for the admin's diagram but are not steps.
 */
export function stepLabels(active: ActiveState[]): Label[] {
  return active
    .filter((s) => s.meta.label && (!s.path.includes('.') || s.meta.task || s.meta.applicantActions?.length))
    .map((s) => s.meta.label!);
}

/** Rebuilds a live snapshot from the JSON the engine stored. */
export function restoreSnapshot(machine: AnyStateMachine, persisted: unknown): AnyMachineSnapshot {
  const { value, context } = persisted as { value: StateValue; context: Record<string, unknown> };
  return machine.resolveState({ value, context });
}

/** The JSON the engine stores: enough to restore; no actors are ever invoked in wait states. */
export function persistSnapshot(snapshot: AnyMachineSnapshot): Record<string, unknown> {
  return { value: snapshot.value, context: snapshot.context, status: snapshot.status };
}

/** The meta of a state path in a machine (for labels of past states in timelines). */
export function stateMeta(machine: AnyStateMachine, path: string): StateMeta | undefined {
  try {
    return machine.getStateNodeById(`${machine.id}.${path}`).meta as StateMeta | undefined;
  } catch {
    return undefined;
  }
}
