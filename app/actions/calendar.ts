'use server';

import { revalidatePath } from 'next/cache';
import { requireUser } from '@/lib/auth/current-user';
import { deleteCalendarDay, saveCalendarDay, saveTerm } from '@/lib/calendar/manage-calendar';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';

export interface CalendarActionState {
  error?: string;
}

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : undefined;
};

async function run(fn: () => Promise<void>): Promise<CalendarActionState> {
  try {
    await fn();
  } catch (error) {
    if (isAppError(error) && error.userMessage) return { error: error.userMessage.zh };
    throw error;
  }
  revalidatePath('/admin/calendar');
  return {};
}

/** Admin: add or change a holiday / 调休 day. */
export async function saveDayAction(_: CalendarActionState, form: FormData): Promise<CalendarActionState> {
  const user = await requireUser();
  const db = await getDb();
  const input = { day: field(form, 'day'), kind: field(form, 'kind'), nameZh: field(form, 'nameZh'), nameEn: field(form, 'nameEn') };
  return run(async () => saveCalendarDay(db, user, input, await now(db)));
}

export async function deleteDayAction(form: FormData): Promise<void> {
  const user = await requireUser();
  await deleteCalendarDay(await getDb(), user, field(form, 'day'));
  revalidatePath('/admin/calendar');
}

export async function saveTermAction(_: CalendarActionState, form: FormData): Promise<CalendarActionState> {
  const user = await requireUser();
  const db = await getDb();
  return run(() => saveTerm(db, user, { id: field(form, 'id'), startsOn: field(form, 'startsOn'), endsOn: field(form, 'endsOn') }));
}
