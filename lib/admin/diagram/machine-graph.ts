import type { AnyStateMachine } from 'xstate';
import type { Label, StateMeta, TaskMeta } from '@/workflows/engine/types';

export type StateKind = 'atomic' | 'compound' | 'parallel' | 'final' | 'history';

export interface GraphState {
  /** Path inside the machine ('' for the root), the same form the engine stores. */
  path: string;
  key: string;
  kind: StateKind;
  label: Label;
  /** The role that works the state's task ('applicant' for the applicant's own step). */
  role?: string;
  /** Who works the state's task (role and scope), for the label 组织部 经办人. */
  task?: Pick<TaskMeta, 'role' | 'scope' | 'group'>;
  outcome?: StateMeta['outcome'];
  initial: boolean;
  children: GraphState[];
}

export interface GraphTransition {
  id: string;
  source: string;
  target: string;
  event: string;
  guard?: string;
}

export interface MachineGraph {
  root: GraphState;
  transitions: GraphTransition[];
}

interface NodeLike {
  key: string;
  path: string[];
  type: StateKind;
  meta?: unknown;
  states: Record<string, NodeLike>;
  transitions: Map<string, Array<{ eventType: string; target?: NodeLike[]; guard?: unknown }>>;
  always?: Array<{ eventType: string; target?: NodeLike[]; guard?: unknown }>;
  initial?: { target: NodeLike[] };
}

function guardName(guard: unknown): string | undefined {
  if (!guard) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') return guard.name || 'guard';
  const type = (guard as { type?: unknown }).type;
  return typeof type === 'string' ? type : 'guard';
}

function eventName(eventType: string): string {
  // Delayed transitions appear as xstate.after.<delay>.<id>: show the delay, not the id.
  const after = /^xstate\.after\.([^.]+)\./.exec(eventType);
  if (after) return `after ${after[1]}`;
  return eventType === '' ? 'always' : eventType;
}

/**
 * The statechart of a machine as plain data (states nested, transitions flat), read from
 * XState's state nodes: what the diagram draws, independent of the layout engine.
 */
export function machineGraph(machine: AnyStateMachine): MachineGraph {
  const transitions: GraphTransition[] = [];
  const root = machine.root as unknown as NodeLike;
  const pathOf = (node: NodeLike) => node.path.join('.');

  function visit(node: NodeLike, initialKeys: Set<string>): GraphState {
    const meta = (node.meta ?? {}) as Partial<StateMeta>;
    const childInitial = new Set((node.type === 'compound' ? (node.initial?.target ?? []) : []).map((t) => t.key));
    const children = Object.values(node.states ?? {}).map((child) => visit(child, node.type === 'parallel' ? new Set(Object.keys(node.states)) : childInitial));
    const defs = [...node.transitions.values()].flat().concat(node.always ?? []);
    defs.forEach((t, i) => {
      for (const target of t.target ?? []) {
        transitions.push({
          id: `${pathOf(node) || 'root'}->${pathOf(target)}#${i}`,
          source: pathOf(node),
          target: pathOf(target),
          event: eventName(t.eventType),
          guard: guardName(t.guard),
        });
      }
    });
    return {
      path: pathOf(node),
      key: node.key,
      kind: node.type,
      label: meta.label ?? { zh: node.key, en: node.key },
      role: meta.task?.role,
      task: meta.task ? { role: meta.task.role, scope: meta.task.scope, group: meta.task.group } : undefined,
      outcome: meta.outcome,
      initial: initialKeys.has(node.key) && node.path.length > 0,
      children,
    };
  }

  return { root: visit(root, new Set()), transitions };
}

/** Every state path of a machine (for migrations: does a stored state exist in the target?). */
export function statePaths(machine: AnyStateMachine): Set<string> {
  const out = new Set<string>();
  const walk = (s: GraphState) => {
    if (s.path) out.add(s.path);
    s.children.forEach(walk);
  };
  walk(machineGraph(machine).root);
  return out;
}
