import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { activeStates, stateKey } from '@/workflows/engine/snapshot';
import type { ProcessDefinition } from '@/workflows/engine/types';

/** A small deterministic PRNG (mulberry32): the same seed gives the same sample history. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface WalkStep {
  type: string;
  /** The role that acted: the task's role, 'applicant', or 'system'. */
  role: string;
  /** The state whose task was worked, when a task was. */
  taskState?: string;
  from: string | null;
  to: string;
  snapshot: AnyMachineSnapshot;
}

/** Mostly forward: approvals are likelier than returns, returns likelier than rejections. */
function weight(type: string): number {
  if (type === 'approve' || type === 'resubmit' || type === 'confirm' || type === 'accept') return 10;
  if (type === 'return') return 1.2;
  if (type === 'reject') return 0.8;
  if (type === 'withdraw') return 0.3;
  return 2;
}

/**
 * Walks a definition's statechart the way people would, through the actions its states
 * offer, for sample histories: real snapshots and state keys, never a hand-written path.
 * Stops at a final state, or early (the instance is still running) when `stopEarly` says so.
 */
export function randomWalk(definition: ProcessDefinition, input: unknown, rand: () => number, stopEarly: number): WalkStep[] {
  const machine = definition.machine;
  let [snapshot] = initialTransition(machine, input);
  const steps: WalkStep[] = [{ type: 'start', role: 'applicant', from: null, to: stateKey(snapshot.value), snapshot }];
  for (let i = 0; i < 12 && snapshot.status === 'active'; i++) {
    if (rand() < stopEarly) break;
    const options = activeStates(snapshot).flatMap((s) => [
      ...(s.meta.task?.actions ?? []).map((a) => ({ type: a.type, role: s.meta.task!.role, taskState: s.path })),
      ...(s.meta.applicantActions ?? []).map((a) => ({ type: a.type, role: 'applicant', taskState: undefined })),
    ]);
    const possible = options.filter((o) => snapshot.can({ type: o.type, actorId: null, comment: 'x' }));
    if (possible.length === 0) break;
    const total = possible.reduce((n, o) => n + weight(o.type), 0);
    let r = rand() * total;
    const pick = possible.find((o) => (r -= weight(o.type)) <= 0) ?? possible[0]!;
    const from = stateKey(snapshot.value);
    [snapshot] = transition(machine, snapshot as never, { type: pick.type, actorId: null, comment: pick.type === 'approve' ? '' : '示例意见' } as never) as [AnyMachineSnapshot, unknown];
    steps.push({ type: pick.type, role: pick.role, taskState: pick.taskState, from, to: stateKey(snapshot.value), snapshot });
  }
  return steps;
}
