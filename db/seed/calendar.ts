import type { Db } from '../client';
import { calendarDays, calendarTerms } from '../schema';

type Day = [day: string, kind: 'holiday' | 'workday', zh: string, en: string];

const range = (from: string, to: string, zh: string, en: string): Day[] => {
  const days: Day[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push([new Date(t).toISOString().slice(0, 10), 'holiday', zh, en]);
  }
  return days;
};

/**
 * The 2026–2027 academic year: the State Council's 2026 holiday schedule, and for 2027 the
 * usual pattern (the 2027 notice is published late in 2026 — the admin corrects it on
 * /admin/calendar). Weekend days inside a holiday are listed too, so the calendar page shows them.
 */
export const SEED_DAYS: Day[] = [
  ...range('2026-01-01', '2026-01-03', '元旦', "New Year's Day"),
  ['2026-01-04', 'workday', '元旦调休上班', "New Year make-up workday"],
  ...range('2026-02-15', '2026-02-23', '春节', 'Spring Festival'),
  ['2026-02-14', 'workday', '春节调休上班', 'Spring Festival make-up workday'],
  ['2026-02-28', 'workday', '春节调休上班', 'Spring Festival make-up workday'],
  ...range('2026-04-04', '2026-04-06', '清明节', 'Qingming Festival'),
  ...range('2026-05-01', '2026-05-05', '劳动节', 'Labour Day'),
  ['2026-05-09', 'workday', '劳动节调休上班', 'Labour Day make-up workday'],
  ...range('2026-06-19', '2026-06-21', '端午节', 'Dragon Boat Festival'),
  ...range('2026-09-25', '2026-09-27', '中秋节', 'Mid-Autumn Festival'),
  ['2026-09-20', 'workday', '国庆节调休上班', 'National Day make-up workday'],
  ...range('2026-10-01', '2026-10-07', '国庆节', 'National Day'),
  ['2026-10-10', 'workday', '国庆节调休上班', 'National Day make-up workday'],
  ...range('2027-01-01', '2027-01-03', '元旦', "New Year's Day"),
  ...range('2027-02-06', '2027-02-14', '春节', 'Spring Festival'),
  ['2027-02-20', 'workday', '春节调休上班', 'Spring Festival make-up workday'],
  ...range('2027-04-03', '2027-04-05', '清明节', 'Qingming Festival'),
  ...range('2027-05-01', '2027-05-05', '劳动节', 'Labour Day'),
  ...range('2027-06-09', '2027-06-11', '端午节', 'Dragon Boat Festival'),
];

export const SEED_TERMS = [
  { nameZh: '2026–2027学年秋季学期', nameEn: 'Autumn term 2026–2027', startsOn: '2026-09-07', endsOn: '2027-01-17' },
  { nameZh: '2026–2027学年春季学期', nameEn: 'Spring term 2026–2027', startsOn: '2027-02-22', endsOn: '2027-07-04' },
];

/** Seeds the calendar once: an installation whose admin has maintained it keeps their edits. */
export async function seedCalendar(db: Db): Promise<void> {
  const existing = await db.select({ day: calendarDays.day }).from(calendarDays).limit(1);
  if (existing.length > 0) return;
  await db
    .insert(calendarDays)
    .values(SEED_DAYS.map(([day, kind, nameZh, nameEn]) => ({ day, kind, nameZh, nameEn })))
    .onConflictDoNothing();
  await db.insert(calendarTerms).values(SEED_TERMS);
}
