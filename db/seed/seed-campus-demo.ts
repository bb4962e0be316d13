import type { Db } from '../client';
import { campusRecords } from '../schema';

type Row = { dataset: string; naturalKey: string; ownerUsername: string | null; data: Record<string, string | number> };

const TERM = '2026-2027-1';
const TERM_START = Date.UTC(2026, 8, 7); // Monday 7 September 2026

function termWeeks(): Row[] {
  return Array.from({ length: 20 }, (_, i) => {
    const week = i + 1;
    const startDate = new Date(TERM_START + i * 7 * 86_400_000).toISOString().slice(0, 10);
    const note = week === 4 ? '国庆节假期（10月1日—7日）' : week >= 19 ? '考试周' : '';
    return { dataset: 'term-calendar', naturalKey: `${TERM}|${week}`, ownerUsername: null, data: { term: TERM, week, startDate, note } };
  });
}

function forStudent(id: string, courses: Array<[string, number, string, string, string]>): Row[] {
  const rows: Row[] = [];
  courses.forEach(([course, weekday, periods, location, teacher], i) => {
    rows.push({
      dataset: 'timetable',
      naturalKey: [id, TERM, course, weekday, periods].join('|'),
      ownerUsername: id,
      data: { studentId: id, term: TERM, course, weekday, periods, weeks: '1-16', location, teacher },
    });
    rows.push({
      dataset: 'grades',
      naturalKey: [id, '2025-2026-2', course].join('|'),
      ownerUsername: id,
      data: { studentId: id, term: '2025-2026-2', course, credit: 3, score: String(78 + i * 5), gradePoint: 2.8 + i * 0.5 },
    });
    rows.push({
      dataset: 'exams',
      naturalKey: [id, TERM, course].join('|'),
      ownerUsername: id,
      data: { studentId: id, term: TERM, course, date: `2027-01-${String(11 + i).padStart(2, '0')}`, time: '09:00-11:00', location, seat: String(10 + i) },
    });
  });
  [
    ['2026-11-20 12:05', '第一食堂', -15.5],
    ['2026-11-21 18:20', '校园超市', -32],
    ['2026-11-22 09:00', '圈存充值', 200],
  ].forEach(([time, merchant, amount], i) => {
    rows.push({
      dataset: 'card',
      naturalKey: `DEMO-${id}-${i}`,
      ownerUsername: id,
      data: { studentId: id, txnId: `DEMO-${id}-${i}`, time: time as string, merchant: merchant as string, amount: amount as number, balance: 300 + i * 10 },
    });
  });
  return rows;
}

/** 掌上校园 demo data for the demo students `student` and `student2`, once. */
export async function seedCampusDemo(db: Db): Promise<void> {
  const rows = [
    ...termWeeks(),
    ...forStudent('student', [
      ['高等数学A', 1, '1-2', '教学楼 A101', '王教授'],
      ['大学英语', 3, '3-4', '外语楼 205', 'Smith'],
      ['工程制图', 5, '5-6', '工程楼 301', '李老师'],
    ]),
    ...forStudent('student2', [
      ['植物学', 2, '1-2', '生科楼 102', '赵教授'],
      ['有机化学', 4, '3-4', '化学楼 110', '孙老师'],
    ]),
  ];
  await db.insert(campusRecords).values(rows).onConflictDoNothing();
}
