import type { AnyStateMachine } from 'xstate';

interface NodeLike {
  type: string;
  parent?: NodeLike;
  on: Record<string, Array<{ target?: ReadonlyArray<{ type: string }> }>>;
}

/**
 * The actions that end the case, read from the definition: an event whose transition out of an
 * active state (or one of its ancestors) can reach a final state — 不同意, 撤回, 销假, 确认到账,
 * a last approval. The page asks once before sending these; nothing is listed by hand.
 */
export function finalActionTypes(machine: AnyStateMachine, state: string, types: string[]): Set<string> {
  const out = new Set<string>();
  for (const path of state.split(',').filter(Boolean)) {
    let node: NodeLike | undefined;
    try {
      node = machine.getStateNodeById(`${machine.id}.${path}`) as unknown as NodeLike;
    } catch {
      continue;
    }
    for (; node; node = node.parent) {
      for (const type of types) {
        if (node.on[type]?.some((t) => t.target?.some((target) => target.type === 'final'))) out.add(type);
      }
    }
  }
  return out;
}
