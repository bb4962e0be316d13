import type { AnyStateMachine } from 'xstate';
import type { Label, ProcessDefinition, StateMeta, TimerMeta } from '../engine/types';
import { GENERIC_EVENT_LABELS } from './generic-events';

/**
 * Words for what a definition's statechart names in code: states, events, guards and timers,
 * read from the definition's own meta. Pure (the engine titles its messages with them);
 * lib/labels adds roles, scopes and org units and is what pages and exports call.
 */

interface NodeLike {
  key: string;
  path: string[];
  meta?: unknown;
  parent?: NodeLike;
  states: Record<string, NodeLike>;
}

const same = (text: string): Label => ({ zh: text, en: text });

function node(machine: AnyStateMachine, path: string): NodeLike | undefined {
  try {
    return machine.getStateNodeById(`${machine.id}.${path}`) as unknown as NodeLike;
  } catch {
    return undefined;
  }
}

const metaOf = (n: NodeLike | undefined) => (n?.meta ?? undefined) as StateMeta | undefined;

/**
 * One state path ('handling.review.pending'), or a set of them joined by commas as the engine
 * stores parallel states; each shown by its own label, the set joined with 、.
 */
export function stateLabel(definition: ProcessDefinition, path: string): Label {
  const parts = path.split(',').filter((p) => p !== '');
  const labels = parts.map((p) => metaOf(node(definition.machine, p))?.label ?? same(p));
  const unique = (lang: 'zh' | 'en') => [...new Set(labels.map((l) => l[lang]))].join(lang === 'zh' ? '、' : ', ');
  return { zh: unique('zh'), en: unique('en') };
}

/** A timer in words: its own label, else how long nobody acted (超过 3 个工作日未处理). */
export function timerLabel(timer: TimerMeta): Label {
  if (timer.label) return timer.label;
  const { workingDays, days, hours, minutes } = timer.delay;
  if (workingDays !== undefined) return { zh: `超过 ${workingDays} 个工作日未处理`, en: `No action for ${workingDays} working day${workingDays === 1 ? '' : 's'}` };
  if (days !== undefined) return { zh: `超过 ${days} 天未处理`, en: `No action for ${days} day${days === 1 ? '' : 's'}` };
  if (hours !== undefined) return { zh: `超过 ${hours} 小时未处理`, en: `No action for ${hours} hour${hours === 1 ? '' : 's'}` };
  return { zh: `超过 ${minutes ?? 0} 分钟未处理`, en: `No action for ${minutes ?? 0} minutes` };
}

/** The states an event sent while `from` is active may be offered or armed in: it, its descendants, its ancestors. */
function around(start: NodeLike): NodeLike[] {
  const out: NodeLike[] = [];
  const down = (n: NodeLike) => {
    out.push(n);
    Object.values(n.states ?? {}).forEach(down);
  };
  down(start);
  for (let p = start.parent; p; p = p.parent) out.push(p);
  return out;
}

/**
 * An event as people know it. Where the state it leaves is known, the label of the action
 * people clicked there (核实通过, 发放证照) or of the timer that fired there (超过 3 个工作日未处理);
 * else the definition's own words for it, else the words every process shares.
 */
export function eventLabel(definition: ProcessDefinition | undefined, type: string, from?: string | null): Label {
  if (definition && from) {
    for (const path of from.split(',')) {
      const start = node(definition.machine, path);
      if (!start) continue;
      for (const n of around(start)) {
        const meta = metaOf(n);
        const action = [...(meta?.task?.actions ?? []), ...(meta?.applicantActions ?? [])].find((a) => a.type === type);
        if (action) return action.label;
        const timer = meta?.timers?.find((t) => t.event === type);
        if (timer) return timerLabel(timer);
      }
    }
  }
  return definition?.labels?.events?.[type] ?? GENERIC_EVENT_LABELS[type] ?? anyActionLabel(definition, type) ?? same(type);
}

/** The label of the event's action or timer in any state of the definition (when the state is not known). */
function anyActionLabel(definition: ProcessDefinition | undefined, type: string): Label | undefined {
  if (!definition) return undefined;
  const root = definition.machine.root as unknown as NodeLike;
  for (const n of around(root)) {
    const meta = metaOf(n);
    const action = [...(meta?.task?.actions ?? []), ...(meta?.applicantActions ?? [])].find((a) => a.type === type);
    if (action) return action.label;
    const timer = meta?.timers?.find((t) => t.event === type);
    if (timer) return timerLabel(timer);
  }
  return undefined;
}

/** A guard as the condition it checks (请假超过 3 个工作日), from the definition's labels. */
export function guardLabel(definition: ProcessDefinition, guard: string): Label {
  return definition.labels?.guards?.[guard] ?? same(guard);
}

/** True when the words come from the definition or the shared list, not the id itself. */
export function isLabelled(label: Label, id: string): boolean {
  return label.zh !== id;
}
