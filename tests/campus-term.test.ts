import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedCampusDemo } from '@/db/seed/seed-campus-demo';
import { readMyRecords } from '@/lib/campus/read-records';
import { termDaysOff } from '@/lib/campus/term-days-off';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;

before(async () => {
  t = await createTestDatabase();
  await seedCampusDemo(t.db);
});
after(() => t.close());

describe('掌上校园 demo term', () => {
  test('a student has a full teaching week, a term of grades, exams in the exam weeks and a month of card use that adds up', async () => {
    const lessons = (await readMyRecords(t.db, 'student', 'timetable')) as Array<{ weekday: number }>;
    assert.ok(lessons.length >= 12, `${lessons.length} lessons`);
    assert.deepEqual([...new Set(lessons.map((l) => l.weekday))].sort(), [1, 2, 3, 4, 5], 'Monday to Friday');

    const grades = (await readMyRecords(t.db, 'student', 'grades')) as Array<{ term: string }>;
    assert.ok(grades.filter((g) => g.term === '2025-2026-2').length >= 8);
    const exams = (await readMyRecords(t.db, 'student', 'exams')) as Array<{ date: string }>;
    assert.ok(exams.length >= 6);
    assert.ok(exams.every((e) => e.date >= '2027-01-11' && e.date <= '2027-01-24'), 'in weeks 19–20');

    const card = ((await readMyRecords(t.db, 'student', 'card')) as Array<{ time: string; amount: number; balance: number }>).sort((a, b) => a.time.localeCompare(b.time));
    const days = new Set(card.map((c) => c.time.slice(0, 10)));
    assert.ok(card.length >= 60 && days.size >= 28, `${card.length} transactions on ${days.size} days`);
    for (let i = 1; i < card.length; i++) {
      assert.equal(Math.round((card[i - 1]!.balance + card[i]!.amount) * 100), Math.round(card[i]!.balance * 100), `balance after ${card[i]!.time}`);
      assert.ok(card[i]!.balance >= 0);
    }
    assert.ok(card.some((c) => c.amount > 0), 'topped up when low');
    // Nobody reads another's card: student2 has their own month.
    const other = (await readMyRecords(t.db, 'student2', 'card')) as Array<{ studentId: string }>;
    assert.ok(other.length > 0 && other.every((c) => c.studentId === 'student2'));
  });

  test('校历 shows the working-day calendar’s days off of the term, a holiday as one range', async () => {
    const off = await termDaysOff(t.db, '2026-09-07', '2027-01-24');
    const national = off.find((d) => d.kind === 'holiday' && d.from.startsWith('2026-10-01'));
    assert.ok(national, JSON.stringify(off));
    assert.ok(national.to >= '2026-10-07', 'the whole week as one entry');
    assert.ok(off.every((d) => d.from >= '2026-09-07' && d.to <= '2027-01-24'));
  });
});
