import type { Db } from '@/db/client';
import type { Actor } from '@/workflows/engine/actor';
import { countApplications } from './list-applications';
import { countCopies } from './list-copies';
import { countDoneTasks, countOpenTasks } from './list-tasks';
import type { TaskTab } from './task-filters';

/**
 * The /tasks tab counts (待办, 已办, 我发起的, 抄送我), each a COUNT in the database whichever tab
 * is shown: a tab's figure never depends on how many rows its list fetched (countText caps them
 * all alike for display).
 */
export async function tabCounts(db: Db, actor: Actor): Promise<Record<TaskTab, number>> {
  const [open, done, mine, cc] = await Promise.all([countOpenTasks(db, actor), countDoneTasks(db, actor), countApplications(db, actor), countCopies(db, actor)]);
  return { open, done, mine, cc };
}
