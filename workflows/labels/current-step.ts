import type { AnyStateMachine, StateValue } from 'xstate';
import { activeStates, stepLabels } from '../engine/snapshot';
import type { Label, ProcessDefinition } from '../engine/types';

/**
 * The current step of an instance in words, from its `state` column alone (the leaf paths the
 * engine stores, joined by ','). Which states are active — and so their meta — depends on the
 * state value only, never on the context, so lists need not restore each row's snapshot: the
 * answer is worked out once per machine and state and kept (a machine has few states).
 */
export interface CurrentStep {
  /** The outermost active state with a label: what 我的申请 shows in one line. */
  label: Label;
  /** The steps people see (snapshot.ts stepLabels): the application page's "current step". */
  labels: Label[];
}

const known = new WeakMap<AnyStateMachine, Map<string, CurrentStep>>();

export function currentStep(definition: ProcessDefinition, state: string): CurrentStep {
  let steps = known.get(definition.machine);
  if (!steps) known.set(definition.machine, (steps = new Map()));
  let step = steps.get(state);
  if (!step) {
    step = stepOf(definition.machine, state);
    steps.set(state, step);
  }
  return step;
}

function stepOf(machine: AnyStateMachine, state: string): CurrentStep {
  const fallback = { zh: state, en: state };
  let active;
  try {
    active = activeStates(machine.resolveState({ value: stateValue(state), context: {} }));
  } catch {
    // A state this version of the machine does not know (it cannot happen for rows the engine wrote).
    return { label: fallback, labels: [fallback] };
  }
  return { label: active.find((s) => s.meta.label)?.meta.label ?? fallback, labels: stepLabels(active) };
}

/** 'a' → 'a'; 'a.b' → { a: 'b' }; 'p.x.y,p.z.w' → { p: { x: 'y', z: 'w' } } (snapshot.ts stateKey, reversed). */
export function stateValue(state: string): StateValue {
  const paths = state.split(',').filter((p) => p !== '');
  if (paths.length === 1 && !paths[0]!.includes('.')) return paths[0]!;
  const root: Record<string, StateValue> = {};
  for (const path of paths) {
    const parts = path.split('.');
    if (parts.length === 1) {
      root[parts[0]!] = {};
      continue;
    }
    let node = root;
    for (const part of parts.slice(0, -2)) {
      const next = node[part];
      node = (node[part] = typeof next === 'object' ? next : {}) as Record<string, StateValue>;
    }
    node[parts.at(-2)!] = parts.at(-1)!;
  }
  return root;
}
