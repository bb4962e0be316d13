import { cache } from 'react';
import { requireUserPage } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { countOpenTasks } from './list-tasks';

/** The signed-in user's open-task count, counted once per request for the badge and the home figure. */
export const pendingTaskCount = cache(async (): Promise<number> => countOpenTasks(await getDb(), await requireUserPage()));
