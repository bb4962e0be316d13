import type { AnyStateMachine } from 'xstate';
import type { Db } from '@/db/client';
import { getDefinition } from './definitions';
import type { Actor } from './actor';
import { commit, type CommitResult } from './commit';
import { AppError } from './errors';
import { loadGroupMembers } from './group-members';
import { lockInstance } from './lock-instance';
import { planMigrate } from './plan-admin';
import { leafPaths, restoreSnapshot } from './snapshot';
import type { ProcessDefinition } from './types';

/** Whether every active state of a stored state value exists in the target machine. */
export function missingStates(target: AnyStateMachine, state: string): string[] {
  return state.split(',').filter((path) => {
    try {
      target.getStateNodeById(`${target.id}.${path}`);
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * Moves a running instance onto another version of its definition, keeping its state and
 * context; refused (nothing written) when a state of it is missing in the target. Planned by
 * planMigrate, committed like every other change.
 */
export async function migrateInstance(db: Db, req: { instanceId: string; target: ProcessDefinition; actor: Actor; now: Date }): Promise<CommitResult> {
  return db.transaction(async (tx) => {
    const { row, openTasks, calendar } = await lockInstance(tx, req.instanceId);
    if (row.processId !== req.target.id) throw new AppError('INVALID_INPUT', 'other process', { zh: '目标版本属于另一个流程', en: 'The target belongs to another process' });
    if (row.status !== 'active') throw new AppError('CONFLICT', `instance is ${row.status}`, { zh: '该办件已结束，无需迁移', en: 'This instance has already ended' });
    if (row.processVersion === req.target.version) throw new AppError('INVALID_INPUT', 'same version', { zh: '该办件已在目标版本上', en: 'Already on the target version' });
    const missing = missingStates(req.target.machine, row.state);
    if (missing.length > 0) {
      throw new AppError('INVALID_INPUT', `missing ${missing.join(',')}`, {
        zh: `目标版本中没有该办件所处的环节：${missing.join('、')}`,
        en: `The target version has no state ${missing.join(', ')}`,
      });
    }
    const snapshot = restoreSnapshot(req.target.machine, row.snapshot);
    if (leafPaths(snapshot.value).sort().join(',') !== row.state) {
      throw new AppError('INVALID_INPUT', 'state does not restore', { zh: '该办件的状态无法在目标版本中恢复', en: 'The state does not restore in the target version' });
    }
    const current = getDefinition(row.processId, row.processVersion);
    // A state that is a group step on the target (会签/或签/依次) opens its members' tasks.
    const groups = await loadGroupMembers(tx, req.target, { id: row.applicantId, orgUnitId: row.applicantOrgId });
    const [result] = await commit(tx, [planMigrate(row, req.target, { actor: req.actor, openTasks, calendar, current, restored: snapshot, groups }, req.now)]);
    return result!;
  });
}
