import type { DiagramEdge } from './layout-diagram';

export interface StepRef {
  type: string;
  fromState: string | null;
  toState: string;
}

const within = (leaf: string, node: string) => leaf === node || leaf.startsWith(`${node}.`);

/**
 * The diagram edge an event took: the transition on that event from a state containing one of
 * the old leaves to a state containing one of the new ones. Pure, so the replay can run it.
 */
export function edgeOf(edges: DiagramEdge[], step: StepRef): string | undefined {
  if (!step.fromState) return undefined;
  const from = step.fromState.split(',');
  const to = step.toState.split(',');
  return edges.find((e) => e.event === step.type && from.some((f) => within(f, e.source)) && to.some((t) => within(t, e.target)))?.id;
}

/** States visited and edges taken up to and including step `upTo` (0-based). */
export function pathUpTo(edges: DiagramEdge[], steps: StepRef[], upTo: number): { states: string[]; edges: string[] } {
  const states = new Set<string>();
  const taken = new Set<string>();
  steps.slice(0, upTo + 1).forEach((s) => {
    s.toState.split(',').forEach((p) => states.add(p));
    const e = edgeOf(edges, s);
    if (e) taken.add(e);
  });
  return { states: [...states], edges: [...taken] };
}
