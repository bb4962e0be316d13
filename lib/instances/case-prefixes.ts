import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { processCasePrefixes } from '@/db/schema';
import type { ProcessDefinition } from '@/workflows/engine/types';
import { allDefinitions } from '@/workflows/registry';

/** One prefix per process: the newest version's declaration wins. */
export function declaredCasePrefixes(definitions: ProcessDefinition[] = allDefinitions()): Map<string, string> {
  const prefixes = new Map<string, { version: number; prefix: string }>();
  for (const d of definitions) {
    if (!d.casePrefix) continue;
    const known = prefixes.get(d.id);
    if (!known || known.version < d.version) prefixes.set(d.id, { version: d.version, prefix: d.casePrefix });
  }
  return new Map([...prefixes].map(([id, p]) => [id, p.prefix]));
}

/**
 * Writes the definitions' 流水号 prefixes to the table the numbering trigger reads, at every start
 * (a new process or a changed prefix takes effect for instances started from then on; numbers
 * already given never change). Two processes with one prefix would share a counter: refused.
 */
export async function syncCasePrefixes(db: Db, definitions?: ProcessDefinition[]): Promise<void> {
  const prefixes = declaredCasePrefixes(definitions);
  const owners = new Map<string, string>();
  for (const [id, prefix] of prefixes) {
    if (!/^[A-Z]{2,3}$/.test(prefix)) throw new Error(`casePrefix of ${id} must be two or three capital letters, got '${prefix}'`);
    const other = owners.get(prefix);
    if (other) throw new Error(`casePrefix ${prefix} is declared by both ${other} and ${id}`);
    owners.set(prefix, id);
  }
  if (prefixes.size === 0) return;
  await db
    .insert(processCasePrefixes)
    .values([...prefixes].map(([processId, prefix]) => ({ processId, prefix })))
    .onConflictDoUpdate({ target: processCasePrefixes.processId, set: { prefix: sql`excluded.prefix` } });
}
