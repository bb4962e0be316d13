import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { taskViewPrefs } from '@/db/schema';
import type { Label } from '@/workflows/engine/types';

/** The tabs of /tasks: 待办, 已办, 我发起的, 抄送我. `status` in the address for the first two's old links. */
export const TASK_TABS = ['open', 'done', 'mine', 'cc'] as const;
export type TaskTab = (typeof TASK_TABS)[number];

/** 等待超过 N 天: the choices offered (a free number would only add ways to be wrong). */
export const WAITING_DAYS = [1, 3, 7, 30] as const;

const blankIsUnset = (v: unknown) => (v === '' || v === null ? undefined : v);

/** One tab's filters, from a form (strings, a ticked box is 'on') or from the stored row. */
export const taskFiltersSchema = z.object({
  process: z.preprocess(blankIsUnset, z.string().regex(/^[a-z0-9-]{1,80}$/, '事项无效').optional()),
  step: z.preprocess(blankIsUnset, z.string().regex(/^[A-Za-z0-9_.,-]{1,200}$/, '环节无效').optional()),
  waitingDays: z.preprocess(
    (v) => (blankIsUnset(v) === undefined ? undefined : Number(v)),
    z
      .number()
      .refine((n) => (WAITING_DAYS as readonly number[]).includes(n), '等待天数无效')
      .optional(),
  ),
  overdue: z.preprocess((v) => (v === 'on' || v === 'true' || v === true ? true : undefined), z.literal(true).optional()),
});
export type TaskFilters = z.output<typeof taskFiltersSchema>;

/** The saving form: which tab, its filters, or `clear`. */
export const saveFiltersSchema = taskFiltersSchema.extend({
  tab: z.enum(TASK_TABS, { message: '未知的列表' }),
  clear: z.preprocess(blankIsUnset, z.literal('1').optional()),
});

/** A person's saved filters per tab; what no longer parses (a process since removed) counts as none. */
export async function loadTaskFilters(db: Db, userId: string): Promise<Record<TaskTab, TaskFilters>> {
  const [row] = await db.select().from(taskViewPrefs).where(eq(taskViewPrefs.userId, userId));
  const stored = row?.filters ?? {};
  const out = {} as Record<TaskTab, TaskFilters>;
  for (const tab of TASK_TABS) {
    const parsed = taskFiltersSchema.safeParse(stored[tab] ?? {});
    out[tab] = parsed.success ? parsed.data : {};
  }
  return out;
}

/** Keeps one tab's filters (the others untouched), in one statement. */
export async function saveTaskFilters(db: Db, userId: string, tab: TaskTab, filters: TaskFilters, now: Date): Promise<void> {
  const clean = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
  await db
    .insert(taskViewPrefs)
    .values({ userId, filters: { [tab]: clean }, updatedAt: now })
    .onConflictDoUpdate({
      target: taskViewPrefs.userId,
      set: { filters: sql`${taskViewPrefs.filters} || ${JSON.stringify({ [tab]: clean })}::jsonb`, updatedAt: now },
    });
}

/** What a row of any tab offers the filters. */
export interface Filterable {
  process: string;
  processTitle: Label;
  state: string;
  stateLabel: Label;
  /** Since when it waits (the task's creation, or the instance's current step). */
  waitingSince: string;
  dueAt: string | null;
}

export function isOverdue(row: Pick<Filterable, 'dueAt'>, now: number): boolean {
  return row.dueAt !== null && Date.parse(row.dueAt) < now;
}

/** The rows the filters keep. A step of another process than the chosen one is ignored. */
export function applyTaskFilters<T extends Filterable>(rows: T[], f: TaskFilters, now: number): T[] {
  const cutoff = f.waitingDays === undefined ? null : now - f.waitingDays * 24 * 3600 * 1000;
  return rows.filter(
    (r) =>
      (!f.process || r.process === f.process) &&
      (!f.step || r.state === f.step) &&
      (cutoff === null || Date.parse(r.waitingSince) <= cutoff) &&
      (!f.overdue || isOverdue(r, now)),
  );
}

/** The processes and steps present among the rows (as labels, never ids), for the filter menus. */
export function filterChoices(rows: Filterable[], process: string | undefined) {
  const processes = [...new Map(rows.map((r) => [r.process, r.processTitle])).entries()];
  const steps = [...new Map(rows.filter((r) => !process || r.process === process).map((r) => [r.state, r.stateLabel])).entries()];
  return { processes, steps };
}
