import { clip, fmt, labelWidth } from './charts/text-width';

/** Horizontal bars drawn on the server as SVG, a value and an optional note at each bar's end. */
export function BarChart({ title, rows, colour = '#2563eb' }: { title: string; rows: Array<{ label: string; value: number; note?: string }>; colour?: string }) {
  const W = 440;
  const row = 26;
  const labelW = Math.min(150, Math.max(48, ...rows.map((r) => labelWidth(r.label, 13)))) + 8;
  const noteW = Math.max(0, ...rows.map((r) => labelWidth(r.note ?? '', 11)));
  const barW = W - labelW - 40 - noteW;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const H = rows.length * row + 4;
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} xmlns="http://www.w3.org/2000/svg">
      <title>{title}</title>
      {rows.map((r, i) => {
        const w = (r.value / max) * barW;
        const y = i * row + 4;
        return (
          <g key={`${r.label}-${i}`}>
            <text x={labelW - 8} y={y + 15} fontSize={13} textAnchor="end" fill="#1f2937">
              <title>{r.label}</title>
              {clip(r.label, 13, labelW - 10)}
            </text>
            <rect x={labelW} y={y + 3} width={Math.max(w, r.value > 0 ? 1 : 0)} height={row - 10} rx={2} fill={colour} />
            <text x={labelW + w + 6} y={y + 15} fontSize={13} fill="#111827">
              {fmt(r.value)}
              {r.note ? <tspan fill="#4b5563" fontSize={12}>{`  ${r.note}`}</tspan> : null}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
