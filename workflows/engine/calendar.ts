import type { TimerMeta } from './types';

/** Which days count as working days; the university calendar (holidays, 调休) implements it. */
export interface WorkingCalendar {
  isWorkingDay(date: Date): boolean;
}

/** Monday to Friday, no holidays: used until an admin maintains a calendar. */
export const weekdayCalendar: WorkingCalendar = {
  isWorkingDay(date) {
    // The campus runs on China Standard Time (UTC+8, no daylight saving).
    const day = new Date(date.getTime() + 8 * 3_600_000).getUTCDay();
    return day !== 0 && day !== 6;
  },
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Adds a timer's delay; working days skip days the calendar says are off. */
export function addDelay(from: Date, delay: TimerMeta['delay'], calendar: WorkingCalendar): Date {
  let t = from.getTime() + (delay.days ?? 0) * DAY + (delay.hours ?? 0) * HOUR + (delay.minutes ?? 0) * 60_000;
  let remaining = delay.workingDays ?? 0;
  while (remaining > 0) {
    t += DAY;
    if (calendar.isWorkingDay(new Date(t))) remaining--;
  }
  return new Date(t);
}
