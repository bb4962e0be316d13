import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { processInstances } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { migrateInstance, missingStates } from '@/workflows/engine/migrate-instance';
import { allDefinitions, getDefinition } from '@/workflows/registry';
import { authorize, isUuid } from '../policy';
import { audit } from './people/audit';

export interface MigrationCandidate {
  id: string;
  version: number;
  state: string;
  title: { zh: string; en: string };
  missing: string[];
}

/** Running instances of a process on any version but the target, each with the states the target lacks. */
export async function migrationDryRun(db: Db, actor: Actor, processId: string, targetVersion: number): Promise<MigrationCandidate[]> {
  authorize(actor, 'admin.operate');
  const target = getDefinition(processId, targetVersion);
  const rows = await db
    .select({ id: processInstances.id, version: processInstances.processVersion, state: processInstances.state, title: processInstances.title })
    .from(processInstances)
    .where(and(eq(processInstances.processId, processId), eq(processInstances.status, 'active'), ne(processInstances.processVersion, targetVersion)))
    .limit(1000);
  return rows.map((r) => ({ ...r, missing: missingStates(target.machine, r.state) }));
}

/**
 * Moves the chosen instances, each in its own transaction (each audited in its own chain);
 * an instance whose state the target lacks is refused with its reason, the others still move.
 */
export async function migrateChosen(db: Db, actor: Actor, processId: string, targetVersion: number, ids: string[], at: Date) {
  authorize(actor, 'admin.operate');
  const target = getDefinition(processId, targetVersion);
  if (ids.length === 0 || ids.length > 1000 || !ids.every(isUuid)) {
    throw new AppError('INVALID_INPUT', 'bad id list', { zh: '请选择 1–1000 个办件', en: 'Choose 1 to 1000 instances' });
  }
  const moved: string[] = [];
  const refused: Array<{ id: string; message: string }> = [];
  for (const id of ids) {
    try {
      await migrateInstance(db, { instanceId: id, target, actor, now: at });
      moved.push(id);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refused.push({ id, message: error.userMessage?.zh ?? error.message });
    }
  }
  await audit(db, { actorId: actor.id, action: 'instances.migrate', target: `process:${processId}@${targetVersion}`, details: { moved: moved.length, refused: refused.length }, at });
  return { moved, refused };
}

/** Processes with more than one registered version: the only ones migration applies to. */
export function versionedProcesses(): Array<{ id: string; versions: number[] }> {
  const map = new Map<string, number[]>();
  for (const d of allDefinitions()) map.set(d.id, [...(map.get(d.id) ?? []), d.version]);
  return [...map.entries()].map(([id, versions]) => ({ id, versions: versions.sort((a, b) => a - b) }));
}
