import type { Db } from '@/db/client';
import { weekdayCalendar, type WorkingCalendar } from '@/workflows/engine/calendar';

/**
 * The working-day calendar for mailbox time limits. Monday–Friday until the university's
 * calendar (holidays, 调休) is maintained in the database; then this returns that one.
 */
export async function mailboxCalendar(_db: Db): Promise<WorkingCalendar> {
  return weekdayCalendar;
}
