import type { Db } from '../client';
import { campusRecords } from '../schema';

type Row = { dataset: string; naturalKey: string; ownerUsername: string | null; data: Record<string, string | number> };
/** course, weekday (1 = Monday), periods, weeks, location, teacher */
type Lesson = [string, number, string, string, string, string];
/** course, credits, score, grade point */
type Grade = [string, number, string, number];

const TERM = '2026-2027-1';
const LAST_TERM = '2025-2026-2';
const TERM_START = Date.UTC(2026, 8, 7); // Monday 7 September 2026
const DAY = 86_400_000;

function termWeeks(): Row[] {
  return Array.from({ length: 20 }, (_, i) => {
    const week = i + 1;
    const startDate = new Date(TERM_START + i * 7 * DAY).toISOString().slice(0, 10);
    const note = week === 4 ? '国庆节假期（10月1日—7日）' : week >= 19 ? '考试周' : '';
    return { dataset: 'term-calendar', naturalKey: `${TERM}|${week}`, ownerUsername: null, data: { term: TERM, week, startDate, note } };
  });
}

/** A small deterministic generator: the same demo month on every installation. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const cents = (n: number) => Math.round(n * 100) / 100;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A month of campus card use (3 November – 2 December 2026): meals in the canteens most days,
 * the supermarket, the shower, printing, and a top-up whenever the balance runs low.
 */
function cardMonth(id: string, seed: number): Row[] {
  const next = lcg(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const rows: Row[] = [];
  let balance = 186.4;
  let n = 0;
  const txn = (day: Date, hh: number, mm: number, merchant: string, amount: number) => {
    if (amount < 0 && balance + amount < 20) txn(day, hh, Math.max(0, mm - 5), '圈存充值（中国银行）', 200);
    balance = cents(balance + amount);
    const time = `${day.toISOString().slice(0, 10)} ${pad(hh)}:${pad(mm)}`;
    const txnId = `DEMO-${id}-${String(++n).padStart(3, '0')}`;
    rows.push({ dataset: 'card', naturalKey: txnId, ownerUsername: id, data: { studentId: id, txnId, time, merchant, amount: cents(amount), balance } });
  };
  for (let d = Date.UTC(2026, 10, 3); d <= Date.UTC(2026, 11, 2); d += DAY) {
    const day = new Date(d);
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    const plan: Array<[number, number, string, number]> = [];
    if (!weekend || next() < 0.4) plan.push([7, 10 + Math.floor(next() * 40), pick(['第一食堂', '第二食堂', '桃李园餐厅']), -cents(4 + next() * 5)]);
    plan.push([11, 35 + Math.floor(next() * 24), pick(['第一食堂', '第二食堂', '紫荆园餐厅', '清芬园餐厅']), -cents(12 + next() * 10)]);
    if (next() < 0.15) plan.push([13, Math.floor(next() * 59), '图书馆打印复印', -cents(0.6 + Math.floor(next() * 20) * 0.2)]);
    if (next() < 0.25) plan.push([15, Math.floor(next() * 59), pick(['校园超市', '教育超市']), -cents(8 + next() * 40)]);
    plan.push([17, 30 + Math.floor(next() * 29), pick(['第一食堂', '紫荆园餐厅', '桃李园餐厅', '清芬园餐厅']), -cents(10 + next() * 10)]);
    if (next() < 0.45) plan.push([21, Math.floor(next() * 50), '学生浴室', -cents(2 + next() * 3)]);
    // In the order they happened, so each balance follows from the one before.
    for (const [hh, mm, merchant, amount] of plan) txn(day, hh, mm, merchant, amount);
  }
  return rows;
}

function forStudent(id: string, lessons: Lesson[], grades: Grade[], exams: Array<[string, string, string, string]>): Row[] {
  const rows: Row[] = [];
  for (const [course, weekday, periods, weeks, location, teacher] of lessons) {
    rows.push({
      dataset: 'timetable',
      naturalKey: [id, TERM, course, weekday, periods].join('|'),
      ownerUsername: id,
      data: { studentId: id, term: TERM, course, weekday, periods, weeks, location, teacher },
    });
  }
  for (const [course, credit, score, gradePoint] of grades) {
    rows.push({ dataset: 'grades', naturalKey: [id, LAST_TERM, course].join('|'), ownerUsername: id, data: { studentId: id, term: LAST_TERM, course, credit, score, gradePoint } });
  }
  exams.forEach(([course, date, time, location], i) => {
    rows.push({
      dataset: 'exams',
      naturalKey: [id, TERM, course].join('|'),
      ownerUsername: id,
      data: { studentId: id, term: TERM, course, date, time, location, seat: String(12 + i * 7) },
    });
  });
  return rows;
}

/**
 * 掌上校园 demo data for the demo students `student` (工程学院, second year) and `student2`
 * (农学院): a full teaching week, last term's grades, this term's exams in weeks 19–20 and a month
 * of card transactions. Inserted once per natural key, so an older demo database gains the new rows.
 */
export async function seedCampusDemo(db: Db): Promise<void> {
  const rows = [
    ...termWeeks(),
    ...forStudent(
      'student',
      [
        ['高等数学A', 1, '1-2', '1-16', '教学楼 A101', '王教授'],
        ['大学物理', 1, '3-4', '1-16', '理科楼 203', '陈教授'],
        ['思想道德与法治', 1, '7-8', '1-12', '文科楼 110', '刘老师'],
        ['大学英语', 2, '1-2', '1-16', '外语楼 205', 'Smith'],
        ['程序设计基础', 2, '3-4', '1-16', '信息楼 402', '周老师'],
        ['体育（篮球）', 2, '5-6', '1-16', '东区体育馆', '黄老师'],
        ['高等数学A', 3, '1-2', '1-16', '教学楼 A101', '王教授'],
        ['工程制图', 3, '3-4', '1-16', '工程楼 301', '李老师'],
        ['程序设计实验', 3, '7-8', '2-16 双周', '信息楼 机房 3', '周老师'],
        ['大学物理', 4, '1-2', '1-16', '理科楼 203', '陈教授'],
        ['线性代数', 4, '3-4', '1-12', '教学楼 B204', '吴老师'],
        ['形势与政策', 4, '9-10', '5-8', '文科楼 101', '何老师'],
        ['工程制图', 5, '1-2', '1-16', '工程楼 301', '李老师'],
        ['大学英语', 5, '3-4', '1-16', '外语楼 205', 'Smith'],
        ['物理实验', 5, '5-7', '3-15 单周', '理科楼 实验中心', '陈老师'],
      ],
      [
        ['微积分A（1）', 5, '91', 4.0],
        ['大学英语（1）', 2, '85', 3.6],
        ['程序设计入门', 3, '93', 4.0],
        ['中国近现代史纲要', 3, '82', 3.3],
        ['工程导论', 2, '78', 2.8],
        ['大学化学', 3, '74', 2.3],
        ['写作与沟通', 2, '88', 3.6],
        ['体育（1）', 1, '良好', 3.3],
      ],
      [
        ['线性代数', '2027-01-11', '09:00-11:00', '教学楼 B204'],
        ['大学物理', '2027-01-13', '14:30-16:30', '理科楼 203'],
        ['高等数学A', '2027-01-15', '09:00-11:00', '教学楼 A101'],
        ['程序设计基础', '2027-01-18', '09:00-11:00', '信息楼 机房 1'],
        ['工程制图', '2027-01-19', '14:30-16:30', '工程楼 301'],
        ['大学英语', '2027-01-21', '09:00-11:00', '外语楼 205'],
      ],
    ),
    ...forStudent(
      'student2',
      [
        ['大学英语', 1, '1-2', '1-16', '外语楼 108', 'Brown'],
        ['高等数学B', 1, '3-4', '1-16', '教学楼 A203', '郑老师'],
        ['植物学', 2, '1-2', '1-16', '生科楼 102', '赵教授'],
        ['生物统计', 3, '3-4', '1-16', '教学楼 B105', '钱老师'],
        ['高等数学B', 3, '1-2', '1-16', '教学楼 A203', '郑老师'],
        ['有机化学', 4, '3-4', '1-16', '化学楼 110', '孙老师'],
        ['植物学实验', 5, '5-7', '2-16 双周', '生科楼 实验室 2', '赵教授'],
      ],
      [
        ['普通化学', 3, '84', 3.5],
        ['大学英语（1）', 2, '90', 4.0],
        ['农业概论', 2, '87', 3.6],
        ['微积分B', 4, '76', 2.6],
      ],
      [
        ['高等数学B', '2027-01-12', '09:00-11:00', '教学楼 A203'],
        ['有机化学', '2027-01-14', '14:30-16:30', '化学楼 110'],
        ['植物学', '2027-01-20', '09:00-11:00', '生科楼 102'],
      ],
    ),
    // 住宿信息: where the two students live (a dormitory repair form starts there).
    { dataset: 'dorm', naturalKey: 'student', ownerUsername: 'student', data: { studentId: 'student', building: '紫荆公寓 5 号楼', room: '312', bed: '2' } },
    { dataset: 'dorm', naturalKey: 'student2', ownerUsername: 'student2', data: { studentId: 'student2', building: '桃李园 3 号楼', room: '208', bed: '4' } },
    ...cardMonth('student', 20261103),
    ...cardMonth('student2', 20261104),
  ];
  await db.insert(campusRecords).values(rows).onConflictDoNothing();
}
