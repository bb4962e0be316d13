import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { instanceEvents, processInstances } from '@/db/schema';
import { LETTER_CATEGORIES } from '@/workflows/presidents-mailbox/form';
import type { MailboxContext } from '@/workflows/presidents-mailbox/machine';
import { isPoorRating, satisfactionLevel } from '../labels';

export interface MailboxStats {
  /** 'YYYY-MM' (China time) → category → letters. */
  perMonth: Array<{ month: string; category: (typeof LETTER_CATEGORIES)[number]; count: number }>;
  avgHoursToAccept: number | null;
  avgHoursToReply: number | null;
  overdue: number;
  /** Ratings that are no 差评 (基本满意 or better), per department that replied. */
  satisfaction: Array<{ orgUnitId: string; rated: number; satisfied: number }>;
}

const HOUR = 3_600_000;
const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

/**
 * Statistics for the mailbox office, computed live from the letters and their event logs.
 * Generated demo letters (【示例】, instances.sample) are not letters anyone wrote: left out.
 */
export async function mailboxStats(db: Db, now: Date): Promise<MailboxStats> {
  const letters = await db
    .select()
    .from(processInstances)
    .where(and(eq(processInstances.processId, 'presidents-mailbox'), eq(processInstances.sample, false)));
  const ids = letters.map((l) => l.id);
  const events = ids.length
    ? await db
        .select({ instanceId: instanceEvents.instanceId, type: instanceEvents.type, toState: instanceEvents.toState, at: instanceEvents.at, payload: instanceEvents.payload })
        .from(instanceEvents)
        .where(and(inArray(instanceEvents.instanceId, ids)))
        .orderBy(asc(instanceEvents.seq))
    : [];
  const byLetter = new Map<string, typeof events>();
  for (const e of events) byLetter.set(e.instanceId, [...(byLetter.get(e.instanceId) ?? []), e]);

  const months = new Map<string, number>();
  const toAccept: number[] = [];
  const toReply: number[] = [];
  const satisfaction = new Map<string, { rated: number; satisfied: number }>();
  let overdue = 0;
  for (const letter of letters) {
    const context = (letter.snapshot as { context: MailboxContext }).context;
    const month = new Date(letter.createdAt.getTime() + 8 * HOUR).toISOString().slice(0, 7);
    // A letter of an older form version may have no category of today's list: it counts as 其他.
    const category = (LETTER_CATEGORIES as readonly string[]).includes(context.form?.category) ? context.form.category : 'other';
    const key = `${month}|${category}`;
    months.set(key, (months.get(key) ?? 0) + 1);
    const log = byLetter.get(letter.id) ?? [];
    const accepted = log.find((e) => e.type === 'accept');
    if (accepted) toAccept.push((accepted.at.getTime() - letter.createdAt.getTime()) / HOUR);
    const replied = log.find((e) => e.toState === 'replied');
    if (accepted && replied) toReply.push((replied.at.getTime() - accepted.at.getTime()) / HOUR);
    if (letter.status === 'active' && (letter.state.includes('overdue') || (context.deadline && new Date(context.deadline) < now && (letter.state.includes('handling') || letter.state.startsWith('reopened'))))) {
      overdue++;
    }
    for (const rate of log.filter((e) => e.type === 'rate')) {
      const level = satisfactionLevel(((rate.payload as { form?: { rating?: unknown } }).form ?? {}).rating);
      if (!level) continue;
      for (const a of context.assignments) {
        const s = satisfaction.get(a.orgUnitId) ?? { rated: 0, satisfied: 0 };
        s.rated++;
        if (!isPoorRating(level)) s.satisfied++;
        satisfaction.set(a.orgUnitId, s);
      }
    }
  }
  return {
    perMonth: [...months].map(([k, count]) => {
      const [month, category] = k.split('|') as [string, (typeof LETTER_CATEGORIES)[number]];
      return { month, category, count };
    }).sort((a, b) => b.month.localeCompare(a.month) || a.category.localeCompare(b.category)),
    avgHoursToAccept: mean(toAccept),
    avgHoursToReply: mean(toReply),
    overdue,
    satisfaction: [...satisfaction].map(([orgUnitId, s]) => ({ orgUnitId, ...s })),
  };
}
