import type { Db } from '@/db/client';
import { loadWorkingCalendar, type WorkingCalendar } from '@/workflows/engine/calendar';

/** The working-day calendar for mailbox time limits: the university's (holidays, 调休) from the database. */
export async function mailboxCalendar(db: Db): Promise<WorkingCalendar> {
  return loadWorkingCalendar(db);
}
