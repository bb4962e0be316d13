/** A horizontal bar chart drawn on the server as SVG: no chart library, readable on a phone. */
export function BarChart({ title, labels, values, unit = '' }: { title: string; labels: string[]; values: number[]; unit?: string }) {
  const max = Math.max(1, ...values);
  const row = 22;
  const labelW = Math.min(150, Math.max(48, ...labels.map((l) => l.length * 8)));
  const width = 420;
  const barW = width - labelW - 60;
  const height = Math.max(row, labels.length * row) + 8;
  return (
    <svg className="bar-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} xmlns="http://www.w3.org/2000/svg">
      <title>{title}</title>
      {labels.map((l, i) => {
        const v = values[i] ?? 0;
        const w = (v / max) * barW;
        const y = i * row + 4;
        return (
          <g key={`${l}-${i}`}>
            <text x={labelW - 6} y={y + 14} fontSize={11} textAnchor="end" fill="#374151">
              {l}
            </text>
            <rect x={labelW} y={y + 3} width={Math.max(w, v > 0 ? 1 : 0)} height={row - 8} rx={3} fill="#2563eb" />
            <text x={labelW + w + 4} y={y + 14} fontSize={11} fill="#111827">
              {`${v}${unit}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
