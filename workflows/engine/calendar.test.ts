import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SEED_DAYS } from '@/db/seed/calendar';
import { addDelay, anchorDate, calendarFromDays, cstDate, weekdayCalendar } from './calendar';

const seeded = calendarFromDays(SEED_DAYS.map(([day, kind]) => ({ day, kind })));
const cst = (s: string) => new Date(`${s}+08:00`);

test('national day week is off; the 调休 Saturday after it is a working day', () => {
  assert.equal(seeded.isWorkingDay(cst('2026-10-05T10:00:00')), false);
  assert.equal(seeded.isWorkingDay(cst('2026-10-10T10:00:00')), true);
  assert.equal(weekdayCalendar.isWorkingDay(cst('2026-10-10T10:00:00')), false);
});

test('2 working days from the eve of National Day skip the holiday and land on the 调休 Saturday', () => {
  // Wed 30 Sep → (1–7 Oct off) → Thu 8 Oct, Fri 9 Oct.
  assert.equal(cstDate(addDelay(cst('2026-09-30T09:00:00'), { workingDays: 2 }, seeded)), '2026-10-09');
  // Fri 9 Oct + 1 → Sat 10 Oct (make-up workday), not Monday.
  assert.equal(cstDate(addDelay(cst('2026-10-09T09:00:00'), { workingDays: 1 }, seeded)), '2026-10-10');
});

test('the day of the week is the CST one, not the server’s', () => {
  // 23:30 UTC Friday is Saturday morning in Guangzhou.
  assert.equal(weekdayCalendar.isWorkingDay(new Date('2026-11-27T23:30:00Z')), false);
});

test('a date-only anchor means the end of that day in CST', () => {
  assert.equal(anchorDate('2026-12-31').toISOString(), '2026-12-31T15:59:59.000Z');
});
