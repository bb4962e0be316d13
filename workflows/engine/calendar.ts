import type { Queryable } from '@/db/client';
import { calendarDays } from '@/db/schema';
import type { TimerMeta } from './types';

/** Which days count as working days; the university calendar (holidays, 调休) implements it. */
export interface WorkingCalendar {
  isWorkingDay(date: Date): boolean;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// The campus runs on China Standard Time (UTC+8, no daylight saving).
const CST = 8 * HOUR;

/** The CST calendar date of an instant, as 'YYYY-MM-DD'. */
export function cstDate(date: Date): string {
  return new Date(date.getTime() + CST).toISOString().slice(0, 10);
}

function isWeekday(date: Date): boolean {
  const day = new Date(date.getTime() + CST).getUTCDay();
  return day !== 0 && day !== 6;
}

/** Monday to Friday, no holidays: used until an admin maintains a calendar. */
export const weekdayCalendar: WorkingCalendar = { isWorkingDay: isWeekday };

/** A calendar from exception days: 'holiday' turns a weekday off, 'workday' (调休) turns a weekend day on. */
export function calendarFromDays(days: Array<{ day: string; kind: 'holiday' | 'workday' }>): WorkingCalendar {
  const exceptions = new Map(days.map((d) => [d.day, d.kind]));
  return {
    isWorkingDay(date) {
      const kind = exceptions.get(cstDate(date));
      if (kind === 'holiday') return false;
      if (kind === 'workday') return true;
      return isWeekday(date);
    },
  };
}

/**
 * The university calendar as the admin maintains it (calendar_days). Loaded per transition:
 * the table holds a few dozen rows a year, and an admin's edit takes effect at once.
 */
export async function loadWorkingCalendar(db: Queryable): Promise<WorkingCalendar> {
  const rows = await db.select({ day: calendarDays.day, kind: calendarDays.kind }).from(calendarDays);
  return calendarFromDays(rows);
}

/** Working days from start to end inclusive, both 'YYYY-MM-DD' calendar dates (CST). */
export function workingDaysBetween(calendar: WorkingCalendar, start: string, end: string): number {
  let count = 0;
  // Noon CST of each date: a whole day away from any date boundary.
  for (let t = Date.parse(`${start}T12:00:00+08:00`); t <= Date.parse(`${end}T12:00:00+08:00`); t += DAY) {
    if (calendar.isWorkingDay(new Date(t))) count++;
  }
  return count;
}

/** A form date: 'YYYY-MM-DD' is the end of that day in CST; anything else is parsed as an instant. */
export function anchorDate(value: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(Date.parse(`${value}T23:59:59+08:00`));
  return new Date(value);
}

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
