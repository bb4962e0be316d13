import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { processInstances, tasks } from '@/db/schema';
import { loadWorkingCalendar, type WorkingCalendar } from './calendar';
import { AppError } from './errors';
import type { InstanceRow, TaskRow } from './plan';

/**
 * Locks an instance row for an operation and reads what its planner needs, in one round trip:
 * the row (FOR UPDATE), then — after the lock, in that order — its open tasks, and the calendar.
 * NOT_FOUND / CONFLICT (a revision other than the one the client saw) as applyEvent answers.
 * `{ taskId }` locks the instance a task belongs to, in the same statement.
 */
export async function lockInstance(
  tx: Tx,
  which: string | { taskId: string },
  expectedRevision?: number,
  calendar?: WorkingCalendar,
): Promise<{ row: InstanceRow; openTasks: TaskRow[]; calendar: WorkingCalendar }> {
  const id =
    typeof which === 'string'
      ? eq(processInstances.id, which)
      : inArray(processInstances.id, tx.select({ id: tasks.instanceId }).from(tasks).where(eq(tasks.id, which.taskId)));
  const taskOf =
    typeof which === 'string'
      ? eq(tasks.instanceId, which)
      : inArray(tasks.instanceId, tx.select({ id: tasks.instanceId }).from(tasks).where(eq(tasks.id, which.taskId)));
  const [[row], openTasks, cal] = await Promise.all([
    tx.select().from(processInstances).where(id).for('update'),
    tx
      .select()
      .from(tasks)
      .where(and(taskOf, eq(tasks.status, 'open'))),
    calendar ?? loadWorkingCalendar(tx),
  ]);
  if (!row) {
    if (typeof which !== 'string') throw new AppError('NOT_FOUND', `task ${which.taskId}`, { zh: '找不到该待办', en: 'No such task' });
    throw new AppError('NOT_FOUND', `instance ${which}`, { zh: '找不到该办件', en: 'No such instance' });
  }
  if (expectedRevision !== undefined && expectedRevision !== row.revision) {
    throw new AppError('CONFLICT', `revision ${expectedRevision} expected, found ${row.revision}`, {
      zh: '该办件已被处理或已更新，请刷新后查看最新进度',
      en: 'Someone has already acted on this; reload to see where it stands',
    });
  }
  return { row, openTasks, calendar: cal };
}
