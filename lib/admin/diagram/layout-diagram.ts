import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Labeler } from '@/lib/labels';
import type { ProcessDefinition } from '@/workflows/engine/types';
import { edgeTexts, stateTexts, type StateTexts } from './diagram-texts';
import type { GroupSizes } from './group-sizes';
import { machineGraph, type GraphState, type GraphTransition, type StateKind } from './machine-graph';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DiagramNode extends Box {
  path: string;
  kind: StateKind;
  /** The state's name and who works it, in the layout's language. */
  label: string;
  who?: string;
  /** A group step's badge (会签 · 2 人, 或签 · 部门负责人), drawn under who works it. */
  group?: string;
  outcome?: string;
  /** Drawn as a box holding other states (compound or parallel). */
  container: boolean;
  /** One region of a parallel state: drawn without a frame, regions split by dashed lines. */
  region: boolean;
}

export interface DiagramEdge {
  id: string;
  source: string;
  target: string;
  /** The event type as the engine logs it: the replay matches logged events on it. */
  event: string;
  /** The label's lines: the action or timer, then the guard as a condition. */
  text: string[];
  points: Array<[number, number]>;
  label: Box;
}

export interface DiagramLayout {
  processId: string;
  version: number;
  locale: Labeler['locale'];
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** The initial-state dots (statechart notation) and their arrows into the initial states. */
  initials: Array<{ x: number; y: number; points: Array<[number, number]> }>;
  /** Dashed lines between side-by-side regions of parallel states. */
  dividers: Array<{ x: number; y1: number; y2: number }>;
}

const CJK = /[\u2e80-\u9fff\uff00-\uffef]/;

/** Rough text width: CJK glyphs are about as wide as the font size, Latin ones about 0.58 of it. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += CJK.test(ch) ? size : size * 0.58;
  return Math.ceil(w);
}

// Sizes the drawing uses (statechart-svg.tsx): name 14 px, who 11 px, heat figures 11 px.
const NODE_H = 58;
const NODE_H_WHO = 72;
/** A group step's badge (会签 · 2 人) is a line of its own under who works it. */
const NODE_H_GROUP = 88;
const EDGE_FONT = 11;
const LINE_H = 15;
const INIT = 12;
const initId = (parent: string) => `init:${parent || 'root'}`;

function nodeSize(t: StateTexts): { width: number; height: number } {
  const w = Math.max(textWidth(t.label, 14), t.who ? textWidth(t.who, 11) : 0, t.group ? textWidth(t.group, 11) : 0, 120);
  return { width: w + 28, height: t.group ? NODE_H_GROUP : t.who ? NODE_H_WHO : NODE_H };
}

function collect(state: GraphState, out: Map<string, GraphState>): void {
  out.set(state.path, state);
  state.children.forEach((c) => collect(c, out));
}

const cache = new Map<string, Promise<DiagramLayout>>();

/**
 * Lays a definition's statechart out with ELK's layered algorithm, top down, edges orthogonal
 * and routed around the boxes, compound states as nested boxes, on the server. Box sizes follow
 * the words, so a layout belongs to one language; it is cached per definition, version and words
 * (a registered definition never changes).
 */
export function layoutDiagram(definition: ProcessDefinition, L: Labeler, sizes: GroupSizes = {}): Promise<DiagramLayout> {
  const graph = machineGraph(definition.machine);
  const states = new Map<string, GraphState>();
  collect(graph.root, states);
  const texts = new Map([...states.values()].filter((s) => s.path).map((s) => [s.path, stateTexts(definition, L, s, sizes)]));
  const edgeText = new Map(graph.transitions.map((t) => [t.id, edgeTexts(definition, L, t)]));
  const key = JSON.stringify([definition.id, definition.version, L.locale, [...texts], [...edgeText]]);
  let found = cache.get(key);
  if (!found) {
    found = computeLayout(definition, L.locale, graph, states, texts, edgeText);
    cache.set(key, found);
    found.catch(() => cache.delete(key));
  }
  return found;
}

async function computeLayout(
  definition: ProcessDefinition,
  locale: Labeler['locale'],
  graph: ReturnType<typeof machineGraph>,
  states: Map<string, GraphState>,
  texts: Map<string, StateTexts>,
  edgeText: Map<string, ReturnType<typeof edgeTexts>>,
): Promise<DiagramLayout> {
  const initialEdges: ElkExtendedEdge[] = [];

  // A container's children, plus the initial dot of a compound state (parallel regions all start at once).
  function childrenOf(state: GraphState): ElkNode[] {
    const kids = flowOrder(state, graph.transitions).map(toElk);
    const first = state.kind === 'parallel' ? undefined : state.children.find((c) => c.initial);
    if (first) {
      const id = initId(state.path);
      kids.unshift({ id, width: INIT, height: INIT });
      initialEdges.push({ id: `${id}->${first.path}`, sources: [id], targets: [first.path] });
    }
    return kids;
  }

  function toElk(state: GraphState): ElkNode {
    if (state.children.length > 0) {
      const region = states.get(parentPath(state.path))?.kind === 'parallel';
      // Room on top for the container's name; regions write theirs small.
      const top = region ? 26 : 34;
      return {
        id: state.path,
        layoutOptions: { 'elk.padding': `[top=${top},left=14,bottom=14,right=14]` },
        children: childrenOf(state),
      };
    }
    return { id: state.path, ...nodeSize(texts.get(state.path)!) };
  }

  const edges: ElkExtendedEdge[] = graph.transitions.map((t) => {
    const { event, guard } = edgeText.get(t.id)!;
    const lines = guard ? [event, `[${guard}]`] : [event];
    return {
      id: t.id,
      sources: [t.source || 'root'],
      targets: [t.target],
      labels: [{ id: `${t.id}:label`, text: lines.join('\n'), width: Math.max(...lines.map((l) => textWidth(l, EDGE_FONT))) + 8, height: lines.length * LINE_H + 2 }],
    };
  });
  const graphIn: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '44',
      'elk.layered.spacing.edgeNodeBetweenLayers': '18',
      'elk.layered.spacing.edgeEdgeBetweenLayers': '12',
      'elk.spacing.nodeNode': '36',
      'elk.spacing.edgeNode': '18',
      'elk.spacing.edgeEdge': '12',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.inline': 'false',
      'elk.layered.edgeLabels.sideSelection': 'SMART_DOWN',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      // Back edges (退回修改 → 重新提交, 重新交办) are the ones against the flow order below, so
      // the initial state is on top and the process reads downwards.
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      // Keep the definition's order of states (the order its authors think in) where it costs no crossings.
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
      'elk.layered.thoroughness': '12',
      'elk.json.edgeCoords': 'ROOT',
      'elk.json.shapeCoords': 'ROOT',
      'elk.padding': '[top=12,left=12,bottom=12,right=12]',
    },
    children: childrenOf(graph.root),
    edges: [...edges, ...initialEdges],
  };
  const result = await new ELK().layout(graphIn);

  const nodes: DiagramNode[] = [];
  const initialDots = new Map<string, { x: number; y: number }>();
  const walk = (n: ElkNode) => {
    const s = states.get(n.id);
    if (s) {
      const container = (n.children?.length ?? 0) > 0;
      nodes.push({
        path: s.path,
        kind: s.kind,
        label: texts.get(s.path)!.label,
        who: texts.get(s.path)!.who,
        group: texts.get(s.path)!.group,
        outcome: s.outcome,
        container,
        region: container && states.get(parentPath(s.path))?.kind === 'parallel',
        x: n.x ?? 0,
        y: n.y ?? 0,
        w: n.width ?? 0,
        h: n.height ?? 0,
      });
    } else if (n.id.startsWith('init:')) {
      initialDots.set(n.id, { x: (n.x ?? 0) + INIT / 2, y: (n.y ?? 0) + INIT / 2 });
    }
    n.children?.forEach(walk);
  };
  result.children?.forEach(walk);

  const pointsOf = (e: ElkExtendedEdge): Array<[number, number]> => {
    const section = e.sections?.[0];
    return section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => [p.x, p.y]) : [];
  };
  const byId = new Map(graph.transitions.map((t) => [t.id, t]));
  const laidEdges: DiagramEdge[] = [];
  const initials: DiagramLayout['initials'] = [];
  for (const e of result.edges ?? []) {
    const t = byId.get(e.id);
    if (!t) {
      const dot = initialDots.get(e.sources[0]!);
      if (dot) initials.push({ ...dot, points: pointsOf(e) });
      continue;
    }
    const { event, guard } = edgeText.get(t.id)!;
    const label = e.labels?.[0];
    laidEdges.push({
      id: e.id,
      source: t.source,
      target: t.target,
      event: t.event,
      text: guard ? [event, `[${guard}]`] : [event],
      points: pointsOf(e),
      label: { x: label?.x ?? 0, y: label?.y ?? 0, w: label?.width ?? 0, h: label?.height ?? 0 },
    });
  }
  return {
    processId: definition.id,
    version: definition.version,
    locale,
    width: result.width ?? 0,
    height: result.height ?? 0,
    nodes,
    edges: laidEdges,
    initials,
    dividers: dividersOf(nodes),
  };
}

/**
 * A container's children in the order the process runs through them: breadth first from the
 * initial state along the transitions between them (a transition from or to a descendant counts
 * for the child holding it), final states after the others; states reached by none keep the
 * definition's order, at the end.
 */
function flowOrder(state: GraphState, transitions: GraphTransition[]): GraphState[] {
  const kids = state.children;
  const owner = (path: string) => kids.find((k) => path === k.path || path.startsWith(`${k.path}.`));
  const next = new Map<GraphState, GraphState[]>();
  for (const t of transitions) {
    const a = owner(t.source);
    const b = owner(t.target);
    if (a && b && a !== b) next.set(a, [...(next.get(a) ?? []), b]);
  }
  const first = kids.find((k) => k.initial) ?? kids[0];
  const seen = new Set<GraphState>(first ? [first] : []);
  const queue = [...seen];
  while (queue.length > 0) {
    for (const b of next.get(queue.shift()!) ?? []) {
      if (!seen.has(b)) {
        seen.add(b);
        queue.push(b);
      }
    }
  }
  // Final states last: where the process ends sits at the bottom.
  const reached = [...seen];
  return [...reached.filter((k) => k.kind !== 'final'), ...reached.filter((k) => k.kind === 'final'), ...kids.filter((k) => !seen.has(k))];
}

const parentPath = (path: string) => path.split('.').slice(0, -1).join('.');

/** Between the regions of a parallel state that sit side by side: a vertical line halfway between them. */
function dividersOf(nodes: DiagramNode[]): DiagramLayout['dividers'] {
  const out: DiagramLayout['dividers'] = [];
  for (const p of nodes.filter((n) => n.kind === 'parallel' && n.container)) {
    const regions = nodes.filter((n) => parentPath(n.path) === p.path).sort((a, b) => a.x - b.x);
    for (let i = 1; i < regions.length; i++) {
      const a = regions[i - 1]!;
      const b = regions[i]!;
      if (b.x >= a.x + a.w) out.push({ x: (a.x + a.w + b.x) / 2, y1: p.y + 30, y2: p.y + p.h - 6 });
    }
  }
  return out;
}
