import type { DiagramLayout, DiagramNode } from '@/lib/admin/diagram/layout-diagram';

export interface StateFigures {
  /** Instances in the state now. */
  now: number;
  /** Median / p90 time spent in the state, already formatted. */
  median?: string;
  p90?: string;
  /** The heat class (0 = none) and its colour, from lib/admin/diagram/heat-scale. */
  level: number;
  fill: string;
}

export interface DiagramProps {
  layout: DiagramLayout;
  /** State paths lit as current (an instance's active leaves). */
  active?: string[];
  /** State paths and edge ids the instance went through. */
  visited?: string[];
  visitedEdges?: string[];
  figures?: Record<string, StateFigures>;
  /** "件" / "now": the unit after the count of instances in a state. */
  countUnit?: string;
  title: string;
}

const PAD = 8;
const INK = '#111827';
const MUTED = '#475569';
const LIT = '#1d4ed8';

function line(points: Array<[number, number]>): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
}

/**
 * The statechart as SVG, from a layout computed on the server (lib/admin/diagram). Pure (no
 * hooks), so the same drawing serves the definition page with its heatmap, the instance page
 * and the replay slider. Statechart notation: a black dot marks the initial state, final states
 * have a double outline, compound states hold their children, regions of a parallel state sit
 * side by side split by dashed lines. Sized to its frame by CSS (fit to width, never clipped).
 */
export function StatechartSvg({ layout, active = [], visited = [], visitedEdges = [], figures, countUnit = '', title }: DiagramProps) {
  const activeSet = new Set(active);
  const isActive = (p: string) => activeSet.has(p) || active.some((a) => a.startsWith(`${p}.`));
  const visitedSet = new Set(visited);
  const edgeSet = new Set(visitedEdges);
  const width = Math.ceil(layout.width + PAD * 2);
  const height = Math.ceil(layout.height + PAD * 2);
  const containers = layout.nodes.filter((n) => n.container);
  const leaves = layout.nodes.filter((n) => !n.container);

  const container = (n: DiagramNode) => {
    const lit = isActive(n.path);
    if (n.region) {
      return (
        <g key={n.path} data-region={n.path}>
          <text x={n.x + 6} y={n.y + 16} fontSize={11} fill={MUTED}>
            {n.label}
          </text>
        </g>
      );
    }
    return (
      <g key={n.path} data-state={n.path} data-container="true" data-active={lit ? 'true' : undefined}>
        <rect x={n.x} y={n.y} width={n.w} height={n.h} rx={12} fill="#f8fafc" stroke={lit ? LIT : '#94a3b8'} strokeWidth={lit ? 2.5 : 1.2} />
        <text x={n.x + 12} y={n.y + 22} fontSize={13} fontWeight={600} fill={INK}>
          {n.label}
        </text>
      </g>
    );
  };

  const leaf = (n: DiagramNode) => {
    const f = figures?.[n.path];
    const lit = isActive(n.path);
    const final = n.kind === 'final';
    const fill = lit ? '#dbeafe' : f ? f.fill : visitedSet.has(n.path) ? '#eff6ff' : final ? '#f1f5f9' : '#ffffff';
    const cx = n.x + n.w / 2;
    // Name and role on top when figures follow, else the name in the middle of the box.
    const nameY = f || n.who ? n.y + 24 : n.y + n.h / 2 + 5;
    const figure = f ? [`● ${f.now}${countUnit}`, f.p90 ? `P90 ${f.p90}` : ''].filter(Boolean).join(' · ') : '';
    return (
      <g key={n.path} data-state={n.path} data-active={lit ? 'true' : undefined} data-heat={f ? f.level : undefined}>
        <rect x={n.x} y={n.y} width={n.w} height={n.h} rx={final ? 18 : 8} fill={fill} stroke={lit ? LIT : final ? INK : '#64748b'} strokeWidth={lit ? 3 : final ? 1.6 : 1.2} />
        {final && <rect x={n.x + 4} y={n.y + 4} width={n.w - 8} height={n.h - 8} rx={14} fill="none" stroke={INK} strokeWidth={1} />}
        <text x={cx} y={nameY} fontSize={14} fontWeight={600} textAnchor="middle" fill={INK}>
          {n.label}
        </text>
        {n.who && (
          <text x={cx} y={n.y + 41} fontSize={11} textAnchor="middle" fill={MUTED}>
            {n.who}
          </text>
        )}
        {n.group && (
          <text x={cx} y={n.y + 57} fontSize={11} fontWeight={600} textAnchor="middle" fill="#6d28d9" data-group={n.group}>
            {n.group}
          </text>
        )}
        {f && (
          <text x={cx} y={n.y + n.h - 10} fontSize={11} fontWeight={600} textAnchor="middle" fill="#7c2d12" data-count={f.now}>
            {figure}
          </text>
        )}
      </g>
    );
  };

  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`${-PAD} ${-PAD} ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={title}
      className="statechart"
      style={{ maxWidth: `${width}px` }}
      fontFamily="system-ui, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif"
    >
      <title>{title}</title>
      <defs>
        <marker id="sc-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="#475569" />
        </marker>
        <marker id="sc-arrow-hot" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill={LIT} />
        </marker>
      </defs>
      <rect x={-PAD} y={-PAD} width={width} height={height} fill="#fff" />
      {containers.map(container)}
      {layout.dividers.map((d, i) => (
        <line key={i} x1={d.x} y1={d.y1} x2={d.x} y2={d.y2} stroke="#64748b" strokeWidth={1.2} strokeDasharray="6 4" data-divider="true" />
      ))}
      {layout.initials.map((init, i) => (
        <g key={`init-${i}`} data-initial="true">
          <circle cx={init.x} cy={init.y} r={6} fill={INK} />
          <path d={line(init.points)} fill="none" stroke={INK} strokeWidth={1.2} markerEnd="url(#sc-arrow)" />
        </g>
      ))}
      {layout.edges.map((e) => {
        const hot = edgeSet.has(e.id);
        return (
          <g key={e.id} data-edge={e.id}>
            <path d={line(e.points)} fill="none" stroke={hot ? LIT : '#64748b'} strokeWidth={hot ? 2.6 : 1.2} markerEnd={hot ? 'url(#sc-arrow-hot)' : 'url(#sc-arrow)'} />
          </g>
        );
      })}
      {leaves.map(leaf)}
      {/* Edge labels last: never hidden under a box or another edge. */}
      {layout.edges.map((e) => {
        const hot = edgeSet.has(e.id);
        return (
          <g key={`${e.id}:label`} data-edge-label={e.id}>
            <rect x={e.label.x - 1} y={e.label.y} width={e.label.w + 2} height={e.label.h} rx={3} fill="#fff" fillOpacity={0.92} />
            {e.text.map((t, i) => (
              <text key={i} x={e.label.x + e.label.w / 2} y={e.label.y + 12 + i * 15} fontSize={11} textAnchor="middle" fill={hot ? LIT : i > 0 ? MUTED : '#1f2937'} fontWeight={hot ? 600 : undefined}>
                {t}
              </text>
            ))}
          </g>
        );
      })}
    </svg>
  );
}
