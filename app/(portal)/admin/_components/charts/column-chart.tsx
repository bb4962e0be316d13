import { fmt, niceMax } from './text-width';

interface Props {
  title: string;
  labels: string[];
  values: number[];
  colour?: string;
}

/**
 * Columns over time (days, months, terms, hours of the day), drawn on the server as SVG: a
 * y-axis with round gridlines, a few x labels so they never collide, the value on hover.
 * Drawn twice, wide for desktops and narrow for phones (CSS shows one), so its text is about
 * its drawn size on both instead of shrinking to nothing on a phone.
 */
export function ColumnChart({ compact = false, ...props }: Props & { compact?: boolean }) {
  // In a half-width card the narrow drawing is the readable one on every screen.
  if (compact) return <Columns {...props} W={440} H={220} />;
  return (
    <>
      <div className="chart-wide">
        <Columns {...props} W={760} H={230} />
      </div>
      <div className="chart-narrow">
        <Columns {...props} W={340} H={220} />
      </div>
    </>
  );
}

function Columns({ title, labels, values, colour = '#2563eb', W, H }: Props & { W: number; H: number }) {
  const left = 40;
  const bottom = 28;
  const top = 10;
  const plotW = W - left - 8;
  const plotH = H - top - bottom;
  const max = niceMax(Math.max(0, ...values));
  const n = Math.max(1, values.length);
  const step = plotW / n;
  const barW = Math.max(1, Math.min(36, step * 0.75));
  // Room for x labels about every 90 units, whatever the number of columns.
  const every = Math.max(1, Math.ceil(n / Math.floor(plotW / 90)));
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} xmlns="http://www.w3.org/2000/svg">
      <title>{title}</title>
      {grid.map((g) => {
        const y = top + plotH - (g / max) * plotH;
        return (
          <g key={g}>
            <line x1={left} x2={W - 8} y1={y} y2={y} stroke="#e5e7eb" />
            <text x={left - 6} y={y + 4} fontSize={12} textAnchor="end" fill="#4b5563">
              {fmt(g)}
            </text>
          </g>
        );
      })}
      {values.map((v, i) => {
        const h = (v / max) * plotH;
        const x = left + i * step + (step - barW) / 2;
        return (
          <rect key={i} x={x} y={top + plotH - h} width={barW} height={h} fill={colour}>
            <title>{`${labels[i]}: ${v}`}</title>
          </rect>
        );
      })}
      {labels.map((l, i) =>
        i % every === 0 ? (
          <text key={i} x={left + i * step + step / 2} y={H - 8} fontSize={12} textAnchor="middle" fill="#374151">
            {l}
          </text>
        ) : null,
      )}
    </svg>
  );
}
