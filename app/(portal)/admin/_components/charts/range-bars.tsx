import { clip, fmt, labelWidth } from './text-width';

/**
 * Durations per row as a bar to the median and a whisker to the P90, with the unit written
 * out; a row may carry a second, smaller line (the process a step belongs to).
 */
export function RangeBars({ title, rows, unit, medianName, p90Name }: { title: string; rows: Array<{ label: string; sub?: string; median: number; p90: number }>; unit: string; medianName: string; p90Name: string }) {
  const W = 440;
  const twoLines = rows.some((r) => r.sub);
  const row = twoLines ? 36 : 26;
  const labelW = Math.min(150, Math.max(60, ...rows.flatMap((r) => [labelWidth(r.label, 13), labelWidth(r.sub ?? '', 12)]))) + 8;
  const barW = W - labelW - 96;
  const max = Math.max(0.1, ...rows.map((r) => r.p90));
  const H = rows.length * row + 4;
  return (
    <figure className="chart-figure">
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="swatch" style={{ background: '#0f766e' }} />
          {medianName}
        </li>
        <li>
          <span className="swatch whisker" />
          {p90Name}
        </li>
        <li>{unit}</li>
      </ul>
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} xmlns="http://www.w3.org/2000/svg">
        <title>{title}</title>
        {rows.map((r, i) => {
          const y = i * row + 4;
          const mid = y + (row - 6) / 2;
          const m = (r.median / max) * barW;
          const p = (r.p90 / max) * barW;
          return (
            <g key={`${r.label}-${r.sub}-${i}`}>
              <text x={labelW - 8} y={r.sub ? y + 13 : y + 15} fontSize={13} textAnchor="end" fill="#1f2937">
                <title>{r.label}</title>
                {clip(r.label, 13, labelW - 10)}
              </text>
              {r.sub && (
                <text x={labelW - 8} y={y + 28} fontSize={12} textAnchor="end" fill="#4b5563">
                  {clip(r.sub, 12, labelW - 10)}
                </text>
              )}
              <rect x={labelW} y={mid - 7} width={Math.max(m, 1)} height={14} fill="#0f766e" />
              <line x1={labelW + m} x2={labelW + p} y1={mid} y2={mid} stroke="#111827" strokeWidth={1.5} />
              <line x1={labelW + p} x2={labelW + p} y1={mid - 6} y2={mid + 6} stroke="#111827" strokeWidth={1.5} />
              <text x={labelW + p + 6} y={mid + 4} fontSize={12} fill="#111827">
                {`${fmt(r.median)} / ${fmt(r.p90)}`}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
