import { clip, fmt, labelWidth } from './text-width';

export interface Part {
  name: string;
  colour: string;
}

/**
 * Horizontal bars split into parts (进行中 / 已办结 / 未通过 …), one row per department or
 * process, the total at the end; the parts' names and colours in a legend above.
 */
export function StackedBars({ title, rows, parts }: { title: string; rows: Array<{ label: string; values: number[] }>; parts: Part[] }) {
  const W = 440;
  const row = 26;
  const labelW = Math.min(150, Math.max(60, ...rows.map((r) => labelWidth(r.label, 13)))) + 8;
  const barW = W - labelW - 48;
  const max = Math.max(1, ...rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const H = rows.length * row + 4;
  return (
    <figure className="chart-figure">
      <ul className="chart-legend" aria-hidden="true">
        {parts.map((p) => (
          <li key={p.name}>
            <span className="swatch" style={{ background: p.colour }} />
            {p.name}
          </li>
        ))}
      </ul>
      <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} xmlns="http://www.w3.org/2000/svg">
        <title>{title}</title>
        {rows.map((r, i) => {
          const y = i * row + 4;
          const total = r.values.reduce((a, b) => a + b, 0);
          let x = labelW;
          return (
            <g key={`${r.label}-${i}`}>
              <text x={labelW - 8} y={y + 15} fontSize={13} textAnchor="end" fill="#1f2937">
                <title>{r.label}</title>
                {clip(r.label, 13, labelW - 10)}
              </text>
              {r.values.map((v, j) => {
                const w = (v / max) * barW;
                const at = x;
                x += w;
                return v > 0 ? (
                  <rect key={j} x={at} y={y + 3} width={Math.max(w, 1)} height={row - 10} fill={parts[j]!.colour}>
                    <title>{`${r.label} · ${parts[j]!.name}: ${v}`}</title>
                  </rect>
                ) : null;
              })}
              <text x={x + 6} y={y + 15} fontSize={13} fill="#111827">
                {fmt(total)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
