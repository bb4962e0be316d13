import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { ProcessDefinition } from '@/workflows/engine/types';
import { machineGraph, type GraphState, type StateKind } from './machine-graph';
import type { Label } from '@/workflows/engine/types';

export interface DiagramNode {
  path: string;
  kind: StateKind;
  label: Label;
  role?: string;
  outcome?: string;
  initial: boolean;
  container: boolean;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DiagramEdge {
  id: string;
  source: string;
  target: string;
  event: string;
  guard?: string;
  points: Array<[number, number]>;
  labelX: number;
  labelY: number;
}

export interface DiagramLayout {
  processId: string;
  version: number;
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/** Rough text width: CJK glyphs are about twice as wide as Latin ones at the same size. */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.6;
  return w;
}

// Room for the label, the role and two lines of heatmap figures.
const NODE_H = 64;

function toElk(state: GraphState): ElkNode {
  const labelW = Math.max(textWidth(state.label.zh, 14), textWidth(state.label.en, 11), state.role ? textWidth(state.role, 11) + 20 : 0);
  if (state.children.length > 0) {
    return {
      id: state.path,
      layoutOptions: { 'elk.padding': '[top=36,left=16,bottom=16,right=16]' },
      children: state.children.map(toElk),
    };
  }
  return { id: state.path, width: Math.max(150, labelW + 28), height: state.role ? NODE_H + 14 : NODE_H };
}

function collect(state: GraphState, out: Map<string, GraphState>): void {
  out.set(state.path, state);
  state.children.forEach((c) => collect(c, out));
}

const cache = new Map<string, Promise<DiagramLayout>>();

/**
 * Lays a definition's statechart out with ELK's layered algorithm, on the server, once per
 * definition and version (a definition never changes once registered).
 */
export function layoutDiagram(definition: ProcessDefinition): Promise<DiagramLayout> {
  const key = `${definition.id}@${definition.version}`;
  let found = cache.get(key);
  if (!found) {
    found = computeLayout(definition);
    cache.set(key, found);
    found.catch(() => cache.delete(key));
  }
  return found;
}

async function computeLayout(definition: ProcessDefinition): Promise<DiagramLayout> {
  const graph = machineGraph(definition.machine);
  const states = new Map<string, GraphState>();
  collect(graph.root, states);
  const edges: ElkExtendedEdge[] = graph.transitions.map((t) => {
    const text = t.guard ? `${t.event} [${t.guard}]` : t.event;
    return {
      id: t.id,
      sources: [t.source || 'root'],
      targets: [t.target],
      labels: [{ id: `${t.id}:label`, text, width: textWidth(text, 11) + 6, height: 16 }],
    };
  });
  const elk = new ELK();
  const graphIn: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.spacing.nodeNode': '36',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.inline': 'false',
      'elk.json.edgeCoords': 'ROOT',
      'elk.json.shapeCoords': 'ROOT',
      'elk.padding': '[top=16,left=16,bottom=16,right=16]',
    },
    children: graph.root.children.map(toElk),
    edges,
  };
  const result = await elk.layout(graphIn);

  const nodes: DiagramNode[] = [];
  const walk = (n: ElkNode) => {
    const s = states.get(n.id);
    if (s) {
      nodes.push({
        path: s.path,
        kind: s.kind,
        label: s.label,
        role: s.role,
        outcome: s.outcome,
        initial: s.initial,
        container: (n.children?.length ?? 0) > 0,
        x: n.x ?? 0,
        y: n.y ?? 0,
        w: n.width ?? 0,
        h: n.height ?? 0,
      });
    }
    n.children?.forEach(walk);
  };
  result.children?.forEach(walk);

  const laidEdges: DiagramEdge[] = (result.edges ?? []).map((e) => {
    const t = graph.transitions.find((tr) => tr.id === e.id)!;
    const section = e.sections?.[0];
    const points: Array<[number, number]> = section
      ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => [p.x, p.y])
      : [];
    const label = e.labels?.[0];
    return {
      id: e.id,
      source: t.source,
      target: t.target,
      event: t.event,
      guard: t.guard,
      points,
      labelX: (label?.x ?? 0) + (label?.width ?? 0) / 2,
      labelY: (label?.y ?? 0) + (label?.height ?? 0) / 2,
    };
  });
  return {
    processId: definition.id,
    version: definition.version,
    width: result.width ?? 0,
    height: result.height ?? 0,
    nodes,
    edges: laidEdges,
  };
}
