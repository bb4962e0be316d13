import type { DiagramLayout } from '@/lib/admin/diagram/layout-diagram';

export interface StateFigures {
  /** Instances in the state now. */
  now?: number;
  /** Median / p90 time spent in the state, already formatted. */
  median?: string;
  p90?: string;
  /** What the colour shows (instances now, or seconds of p90 stay); `now` when absent. */
  heat?: number;
}

export interface DiagramProps {
  layout: DiagramLayout;
  locale: 'zh' | 'en';
  /** State paths lit as current (an instance's active leaves). */
  active?: string[];
  /** State paths and edge ids the instance went through. */
  visited?: string[];
  visitedEdges?: string[];
  figures?: Record<string, StateFigures>;
  title: string;
}

/** 0 → pale, 1 → strong: the heat of a state relative to the hottest one. */
function heat(value: number, max: number): string {
  if (max <= 0 || value <= 0) return '#ffffff';
  const r = value / max;
  const light = Math.round(96 - r * 38);
  return `hsl(14 85% ${light}%)`;
}

function path(points: Array<[number, number]>): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ');
}

/**
 * The statechart as SVG, from a layout computed on the server. Pure (no hooks), so the same
 * drawing serves the definition page, the heatmap and the replay slider.
 */
export function StatechartSvg({ layout, locale, active = [], visited = [], visitedEdges = [], figures, title }: DiagramProps) {
  const activeSet = new Set(active);
  const isActive = (p: string) => activeSet.has(p) || active.some((a) => a.startsWith(`${p}.`));
  const visitedSet = new Set(visited);
  const edgeSet = new Set(visitedEdges);
  const heatOf = (f: StateFigures | undefined) => f?.heat ?? f?.now ?? 0;
  const max = Math.max(0, ...Object.values(figures ?? {}).map(heatOf));
  const pad = 8;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`${-pad} ${-pad} ${layout.width + pad * 2} ${layout.height + pad * 2}`}
      width={layout.width + pad * 2}
      height={layout.height + pad * 2}
      role="img"
      aria-label={title}
      className="statechart"
      fontFamily="system-ui, 'PingFang SC', 'Noto Sans CJK SC', sans-serif"
    >
      <title>{title}</title>
      <defs>
        <marker id="sc-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="#555" />
        </marker>
        <marker id="sc-arrow-hot" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="#1d4ed8" />
        </marker>
      </defs>
      <rect x={-pad} y={-pad} width={layout.width + pad * 2} height={layout.height + pad * 2} fill="#fff" />
      {layout.nodes
        .filter((n) => n.container)
        .map((n) => (
          <g key={n.path} data-state={n.path}>
            <rect x={n.x} y={n.y} width={n.w} height={n.h} rx={12} fill={n.kind === 'parallel' ? '#f8fafc' : '#fbfbfd'} stroke={isActive(n.path) ? '#1d4ed8' : '#94a3b8'} strokeWidth={isActive(n.path) ? 2.5 : 1.2} strokeDasharray={n.kind === 'parallel' ? '6 4' : undefined} />
            <text x={n.x + 12} y={n.y + 22} fontSize={13} fontWeight={600} fill="#1f2937">
              {n.label[locale]}
              {n.kind === 'parallel' ? (locale === 'zh' ? '（并行）' : ' (parallel)') : ''}
            </text>
          </g>
        ))}
      {layout.edges.map((e) => {
        const hot = edgeSet.has(e.id);
        return (
          <g key={e.id} data-edge={e.id}>
            <path d={path(e.points)} fill="none" stroke={hot ? '#1d4ed8' : '#6b7280'} strokeWidth={hot ? 2.6 : 1.2} markerEnd={hot ? 'url(#sc-arrow-hot)' : 'url(#sc-arrow)'} />
            <text x={e.labelX} y={e.labelY + 4} fontSize={11} textAnchor="middle" fill={hot ? '#1d4ed8' : '#374151'} paintOrder="stroke" stroke="#fff" strokeWidth={3}>
              {e.guard ? `${e.event} [${e.guard}]` : e.event}
            </text>
          </g>
        );
      })}
      {layout.nodes
        .filter((n) => !n.container)
        .map((n) => {
          const f = figures?.[n.path];
          const lit = isActive(n.path);
          const final = n.kind === 'final';
          const fill = lit ? '#dbeafe' : figures ? heat(heatOf(f), max) : visitedSet.has(n.path) ? '#eff6ff' : '#fff';
          return (
            <g key={n.path} data-state={n.path} data-active={lit ? 'true' : undefined}>
              {n.initial && <circle cx={n.x - 14} cy={n.y + n.h / 2} r={5} fill="#111827" />}
              <rect x={n.x} y={n.y} width={n.w} height={n.h} rx={final ? n.h / 2 : 8} fill={fill} stroke={lit ? '#1d4ed8' : final ? '#111827' : '#64748b'} strokeWidth={lit ? 3 : final ? 2 : 1.2} />
              {final && <rect x={n.x + 4} y={n.y + 4} width={n.w - 8} height={n.h - 8} rx={(n.h - 8) / 2} fill="none" stroke="#111827" strokeWidth={1} />}
              <text x={n.x + n.w / 2} y={n.y + 22} fontSize={14} fontWeight={600} textAnchor="middle" fill="#111827">
                {n.label[locale]}
              </text>
              {n.role && (
                <text x={n.x + n.w / 2} y={n.y + 40} fontSize={11} textAnchor="middle" fill="#475569">
                  {`[${n.role}]`}
                </text>
              )}
              {f && (
                <text x={n.x + n.w / 2} y={n.y + n.h - (f.median ? 20 : 8)} fontSize={11} fontWeight={600} textAnchor="middle" fill="#7c2d12" data-count={f.now ?? 0}>
                  {`● ${f.now ?? 0}`}
                </text>
              )}
              {f?.median && (
                <text x={n.x + n.w / 2} y={n.y + n.h - 7} fontSize={10} textAnchor="middle" fill="#7c2d12">
                  {`P50 ${f.median} / P90 ${f.p90}`}
                </text>
              )}
            </g>
          );
        })}
    </svg>
  );
}
