import { groupBadge, type Labeler } from '@/lib/labels';
import type { ProcessDefinition } from '@/workflows/engine/types';
import type { GroupSizes } from './group-sizes';
import type { GraphState, GraphTransition } from './machine-graph';

/** What a diagram writes on a state box: its name and who works its task. */
export interface StateTexts {
  label: string;
  who?: string;
  /** A group step's badge: its rule and who signs (会签 · 2 人, 或签 · 部门负责人, 会签 2/3 通过 · 3 人). */
  group?: string;
}

/** What a diagram writes beside an edge: the action or timer, and the guard as a condition. */
export interface EdgeTexts {
  event: string;
  guard?: string;
}

const ALL_DONE = { zh: '各分支均已完成', en: 'All branches done' };

/**
 * The words of one diagram in one language, from the one label function (lib/labels): the
 * action label people click for an event (核实通过), timers as 超过 N 个工作日未处理, guards as
 * the condition they check, roles as people say them. Never a code id.
 */
export function stateTexts(definition: ProcessDefinition, L: Labeler, state: GraphState, sizes: GroupSizes = {}): StateTexts {
  const who = state.task ? (state.task.role === 'applicant' ? L.role('applicant') : L.taskWho(state.task)) : undefined;
  return { label: L.state(definition, state.path), who, group: state.task?.group ? groupText(L, state.task, sizes[state.path]) : undefined };
}

/**
 * A group step's badge: the rule and who signs — 会签 · 2 人, 会签 2/3 通过 · 3 人 when the members
 * are known, 或签 · 部门负责人 when they depend on the applicant's unit.
 */
function groupText(L: Labeler, task: NonNullable<GraphState['task']>, size: number | undefined): string {
  const who = size === undefined ? L.role(task.role) : L.locale === 'zh' ? `${size} 人` : `${size} ${size === 1 ? 'person' : 'people'}`;
  return `${L.text(groupBadge(task.group!))} · ${who}`;
}

export function edgeTexts(definition: ProcessDefinition, L: Labeler, t: GraphTransition): EdgeTexts {
  const event = t.event.startsWith('xstate.done.state.') ? L.text(ALL_DONE) : L.event(definition, t.event, t.source);
  return { event, guard: t.guard ? L.guard(definition, t.guard) : undefined };
}
