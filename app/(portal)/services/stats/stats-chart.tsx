/** A horizontal stacked bar chart drawn on the server as SVG: no chart library, no client JS. */
export function StatsChart({ rows, title, legend }: { rows: Array<{ label: string; online: number; pending: number }>; title: string; legend: [string, string] }) {
  const labelWidth = 130;
  const barArea = 220;
  const rowHeight = 18;
  const top = 24;
  const max = Math.max(1, ...rows.map((r) => r.online + r.pending));
  const scale = barArea / max;
  const height = top + rows.length * rowHeight + 4;
  const short = (s: string) => (Array.from(s).length > 9 ? `${Array.from(s).slice(0, 8).join('')}…` : s);
  return (
    <svg className="chart" viewBox={`0 0 ${labelWidth + barArea + 40} ${height}`} role="img" aria-label={title}>
      <rect x={0} y={4} width={10} height={10} fill="#6b1f6e" />
      <text x={14} y={13}>
        {legend[0]}
      </text>
      <rect x={120} y={4} width={10} height={10} fill="#c9a3cb" />
      <text x={134} y={13}>
        {legend[1]}
      </text>
      {rows.map((r, i) => {
        const y = top + i * rowHeight;
        const w1 = r.online * scale;
        const w2 = r.pending * scale;
        return (
          <g key={`${r.label}-${i}`}>
            <title>{`${r.label}: ${r.online} / ${r.pending}`}</title>
            <text x={labelWidth - 4} y={y + 12} textAnchor="end">
              {short(r.label)}
            </text>
            <rect x={labelWidth} y={y + 2} width={w1} height={rowHeight - 5} fill="#6b1f6e" />
            <rect x={labelWidth + w1} y={y + 2} width={w2} height={rowHeight - 5} fill="#c9a3cb" />
            <text x={labelWidth + w1 + w2 + 4} y={y + 12}>
              {r.online + r.pending}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
