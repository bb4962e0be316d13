import type { Labeler } from '@/lib/labels';
import { ROLE_PREFIX, type StatsTable } from './tables';

type Cell = string | number | null;

/**
 * A table's rows as people read them, for the dashboard and its CSV alike: departments, processes
 * and steps by name (a step named within its process), never their code ids.
 */
export function labelRows(table: StatsTable, L: Labeler): Cell[][] {
  const col = (name: string) => table.columns.indexOf(name);
  const [dept, proc, step] = [col('department'), col('process'), col('step')];
  return table.rows.map((r) =>
    r.map((v, i) => {
      if (typeof v !== 'string') return v;
      if (i === dept) return v.startsWith(ROLE_PREFIX) ? L.role(v.slice(ROLE_PREFIX.length)) : L.org(v);
      if (i === proc) return L.process(v);
      // Steps are per process across versions: the newest version's words name them.
      if (i === step && proc >= 0) return L.state({ processId: String(r[proc]), processVersion: 0 }, v);
      return v;
    }),
  );
}
