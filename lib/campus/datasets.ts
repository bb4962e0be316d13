import { z } from 'zod';
import type { DatasetId } from '../tokens/scopes';

export type { DatasetId };

const text = (max: number) => z.string().trim().min(1).max(max);
const campusId = text(32).regex(/^[A-Za-z0-9_-]+$/, '学号/工号只能含字母、数字、- 和 _');
const date = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const term = text(20).regex(/^\d{4}-\d{4}-[12]$/, '学期格式应为 2026-2027-1');
const num = (min: number, max: number) => z.coerce.number().finite().min(min).max(max);

export interface DatasetField {
  key: string;
  zh: string;
  en: string;
}

export interface DatasetDefinition<S extends z.ZodObject = z.ZodObject> {
  id: DatasetId;
  title: { zh: string; en: string };
  /** Column headers accepted in CSV: the key or its Chinese name. */
  fields: DatasetField[];
  row: S;
  /** The natural key a pushed row is matched by: pushing it again replaces it (idempotent). */
  naturalKey(row: z.infer<S>): string;
  /** Whose row it is (campus id), or null when everyone may read it. */
  owner(row: z.infer<S>): string | null;
}

function define<S extends z.ZodObject>(d: DatasetDefinition<S>): DatasetDefinition<S> {
  return d;
}

const f = (key: string, zh: string, en: string): DatasetField => ({ key, zh, en });

export const DATASETS = {
  timetable: define({
    id: 'timetable',
    title: { zh: '课表', en: 'Timetable' },
    fields: [
      f('studentId', '学号', 'Student ID'),
      f('term', '学期', 'Term'),
      f('course', '课程', 'Course'),
      f('weekday', '星期', 'Weekday'),
      f('periods', '节次', 'Periods'),
      f('weeks', '周次', 'Weeks'),
      f('location', '地点', 'Location'),
      f('teacher', '教师', 'Teacher'),
    ],
    row: z.object({
      studentId: campusId,
      term,
      course: text(60),
      weekday: num(1, 7).int(),
      periods: text(10).regex(/^\d{1,2}(-\d{1,2})?$/, '节次格式应为 1-2'),
      weeks: text(40),
      location: text(60),
      teacher: text(40),
    }),
    naturalKey: (r) => [r.studentId, r.term, r.course, r.weekday, r.periods].join('|'),
    owner: (r) => r.studentId,
  }),
  grades: define({
    id: 'grades',
    title: { zh: '成绩', en: 'Grades' },
    fields: [
      f('studentId', '学号', 'Student ID'),
      f('term', '学期', 'Term'),
      f('course', '课程', 'Course'),
      f('credit', '学分', 'Credits'),
      f('score', '成绩', 'Score'),
      f('gradePoint', '绩点', 'Grade point'),
    ],
    row: z.object({
      studentId: campusId,
      term,
      course: text(60),
      credit: num(0, 20),
      score: text(10),
      gradePoint: num(0, 5),
    }),
    naturalKey: (r) => [r.studentId, r.term, r.course].join('|'),
    owner: (r) => r.studentId,
  }),
  exams: define({
    id: 'exams',
    title: { zh: '考试安排', en: 'Exams' },
    fields: [
      f('studentId', '学号', 'Student ID'),
      f('term', '学期', 'Term'),
      f('course', '课程', 'Course'),
      f('date', '日期', 'Date'),
      f('time', '时间', 'Time'),
      f('location', '地点', 'Location'),
      f('seat', '座位号', 'Seat'),
    ],
    row: z.object({
      studentId: campusId,
      term,
      course: text(60),
      date,
      time: text(20).regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/, '时间格式应为 09:00-11:00'),
      location: text(60),
      seat: z.string().trim().max(10).default(''),
    }),
    naturalKey: (r) => [r.studentId, r.term, r.course].join('|'),
    owner: (r) => r.studentId,
  }),
  'term-calendar': define({
    id: 'term-calendar',
    title: { zh: '校历', en: 'Term calendar' },
    fields: [f('term', '学期', 'Term'), f('week', '教学周', 'Week'), f('startDate', '周一日期', 'Monday'), f('note', '备注', 'Note')],
    row: z.object({ term, week: num(1, 30).int(), startDate: date, note: z.string().trim().max(100).default('') }),
    naturalKey: (r) => [r.term, r.week].join('|'),
    owner: () => null,
  }),
  card: define({
    id: 'card',
    title: { zh: '校园卡', en: 'Campus card' },
    fields: [
      f('studentId', '学号', 'Campus ID'),
      f('txnId', '流水号', 'Transaction'),
      f('time', '时间', 'Time'),
      f('merchant', '商户', 'Merchant'),
      f('amount', '金额', 'Amount'),
      f('balance', '余额', 'Balance'),
    ],
    row: z.object({
      studentId: campusId,
      txnId: text(40),
      time: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$/, '时间格式应为 2026-09-01 12:30'),
      merchant: text(60),
      amount: num(-100_000, 100_000),
      balance: num(-100_000, 1_000_000),
    }),
    naturalKey: (r) => r.txnId,
    owner: (r) => r.studentId,
  }),
  // 住宿信息 from the student apartments' system: where a student lives, so a repair form starts there (一表通).
  dorm: define({
    id: 'dorm',
    title: { zh: '住宿信息', en: 'Accommodation' },
    fields: [f('studentId', '学号', 'Student ID'), f('building', '楼栋', 'Building'), f('room', '房间号', 'Room'), f('bed', '床位', 'Bed')],
    row: z.object({ studentId: campusId, building: text(50), room: text(20), bed: z.string().trim().max(10).default('') }),
    naturalKey: (r) => r.studentId,
    owner: (r) => r.studentId,
  }),
} satisfies Record<DatasetId, DatasetDefinition<z.ZodObject>>;

export function getDataset(id: string): DatasetDefinition | null {
  return Object.hasOwn(DATASETS, id) ? (DATASETS[id as DatasetId] as unknown as DatasetDefinition) : null;
}
