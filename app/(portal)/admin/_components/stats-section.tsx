import type { ReactNode } from 'react';

type Cell = string | number | null;

/**
 * One dashboard figure: its title, the chart, the numbers behind it in a table folded away
 * under 数据表, and the same table as CSV.
 */
export function StatsSection({ id, title, header, rows, csvHref, labels, children, empty }: { id: string; title: string; header: string[]; rows: Cell[][]; csvHref: string; labels: { table: string; csv: string; empty: string }; children: ReactNode; empty: boolean }) {
  return (
    <section className="card stats-card" aria-labelledby={`t-${id}`} data-testid={`stats-${id}`}>
      <div className="stats-head">
        <h2 id={`t-${id}`}>{title}</h2>
        <a className="btn secondary small" href={csvHref} download>
          {labels.csv}
        </a>
      </div>
      {empty ? <p>{labels.empty}</p> : children}
      {!empty && (
        <details className="stats-table">
          <summary>{labels.table}</summary>
          {/* Scrolls inside itself: a year of days never makes the page long. */}
          <div className="table-wrap" tabIndex={0} role="region" aria-label={`${title} · ${labels.table}`}>
            <table className="data">
              <thead>
                <tr>
                  {header.map((h, i) => (
                    <th key={h} scope="col" className={i > 0 && rows.some((r) => typeof r[i] === 'number') ? 'num' : undefined}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  <tr key={i}>
                    {r.map((v, j) => (
                      <td key={j} className={typeof v === 'number' ? 'num' : undefined}>
                        {v ?? '—'}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
