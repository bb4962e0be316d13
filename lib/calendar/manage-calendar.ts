import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { calendarDays, calendarTerms } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { parseInput } from '@/workflows/engine/validate';
import { isoDate } from '@/workflows/common/fields';
import { authorize } from '../policy';

export const daySchema = z.object({
  day: isoDate('日期'),
  kind: z.enum(['holiday', 'workday'], { message: '请选择放假或调休上班' }),
  nameZh: z.string({ message: '请填写名称' }).trim().min(1, '请填写名称').max(50, '名称不能超过 50 字'),
  nameEn: z.string().trim().max(80, '英文名称不能超过 80 字').optional(),
});

export const termSchema = z
  .object({
    id: z.uuid({ message: '学期无效' }),
    startsOn: isoDate('开始日期'),
    endsOn: isoDate('结束日期'),
  })
  .refine((v) => v.endsOn > v.startsOn, { message: '结束日期应晚于开始日期', path: ['endsOn'] });

export async function listCalendar(db: Db) {
  const [days, terms] = await Promise.all([
    db.select().from(calendarDays).orderBy(asc(calendarDays.day)),
    db.select().from(calendarTerms).orderBy(asc(calendarTerms.startsOn)),
  ]);
  return { days, terms };
}

/** Adds a holiday / make-up workday, or changes the one on that date. Takes effect on the next timer armed. */
export async function saveCalendarDay(db: Db, actor: Actor, input: unknown, now: Date): Promise<void> {
  authorize(actor, 'admin.calendar');
  const d = parseInput(daySchema, input);
  const values = { day: d.day, kind: d.kind, nameZh: d.nameZh, nameEn: d.nameEn || d.nameZh, updatedAt: now };
  await db.insert(calendarDays).values(values).onConflictDoUpdate({ target: calendarDays.day, set: values });
}

export async function deleteCalendarDay(db: Db, actor: Actor, day: unknown): Promise<void> {
  authorize(actor, 'admin.calendar');
  const d = parseInput(isoDate('日期'), day);
  await db.delete(calendarDays).where(eq(calendarDays.day, d));
}

export async function saveTerm(db: Db, actor: Actor, input: unknown): Promise<void> {
  authorize(actor, 'admin.calendar');
  const term = parseInput(termSchema, input);
  await db.update(calendarTerms).set({ startsOn: term.startsOn, endsOn: term.endsOn }).where(eq(calendarTerms.id, term.id));
}
