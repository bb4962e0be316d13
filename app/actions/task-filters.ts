'use server';

import { redirect } from 'next/navigation';
import { action } from '@/lib/actions/action';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { saveFiltersSchema, saveTaskFilters } from '@/lib/instances/task-filters';

/** Keeps the caller's filters of one /tasks tab (or clears them) and shows the tab with them. */
export const saveTaskFiltersAction = action(
  saveFiltersSchema,
  async ({ tab, clear, ...filters }, { user }) => {
    const db = await getDb();
    await saveTaskFilters(db, user.id, tab, clear ? {} : filters, await now(db));
    redirect(tab === 'open' ? '/tasks' : `/tasks?status=${tab}`);
  },
  { permission: 'signed-in' },
);
