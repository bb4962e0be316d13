import { and, asc, gte, lte } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { calendarDays } from '@/db/schema';

export interface DaysOff {
  kind: 'holiday' | 'workday';
  name: { zh: string; en: string };
  from: string;
  to: string;
}

/**
 * The working-day calendar's exceptions between two dates (the engine's own table: the days it
 * counts time limits by), consecutive days of the same name merged: 国庆节 10-01 — 10-07.
 */
export async function termDaysOff(db: Queryable, from: string, to: string): Promise<DaysOff[]> {
  const days = await db.select().from(calendarDays).where(and(gte(calendarDays.day, from), lte(calendarDays.day, to))).orderBy(asc(calendarDays.day));
  const out: DaysOff[] = [];
  for (const d of days) {
    const last = out.at(-1);
    const dayAfter = last ? new Date(Date.parse(`${last.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : null;
    if (last && last.kind === d.kind && last.name.zh === d.nameZh && dayAfter === d.day) last.to = d.day;
    else out.push({ kind: d.kind, name: { zh: d.nameZh, en: d.nameEn }, from: d.day, to: d.day });
  }
  return out;
}
