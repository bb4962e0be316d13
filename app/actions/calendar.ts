'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { deleteCalendarDay, saveCalendarDay, saveTerm } from '@/lib/calendar/manage-calendar';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';

export interface CalendarActionState {
  error?: string;
}

/** The form's text fields as they come; lib/calendar's schemas check them (with Chinese messages). */
const text = z.string().optional();
const onError = (p: { message: string }): CalendarActionState => ({ error: p.message });

/** Admin: add or change a holiday / 调休 day. */
export const saveDayAction = action(
  z.object({ day: text, kind: text, nameZh: text, nameEn: text }),
  async (input, { user }): Promise<CalendarActionState> => {
    const db = await getDb();
    await saveCalendarDay(db, user, input, await now(db));
    revalidatePath('/admin/calendar');
    return {};
  },
  { permission: 'admin.calendar', onError },
);

export const deleteDayAction = action(
  z.object({ day: text }),
  async ({ day }, { user }) => {
    await deleteCalendarDay(await getDb(), user, day);
    revalidatePath('/admin/calendar');
  },
  { permission: 'admin.calendar' },
);

export const saveTermAction = action(
  z.object({ id: text, startsOn: text, endsOn: text }),
  async (input, { user }): Promise<CalendarActionState> => {
    await saveTerm(await getDb(), user, input);
    revalidatePath('/admin/calendar');
    return {};
  },
  { permission: 'admin.calendar', onError },
);
