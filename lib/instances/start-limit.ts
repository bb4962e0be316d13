import { and, count, eq, gt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { processInstances } from '@/db/schema';
import { AppError } from '@/workflows/engine/errors';
import { env } from '../env';

/**
 * How many applications one person may start per hour and per day (START_LIMIT_PER_HOUR,
 * START_LIMIT_PER_DAY): far above what anyone files by hand, far below a script flooding a
 * handler's 待办 (one student filed 1,479 dorm repairs in minutes). Counted from the instances
 * themselves, so only real starts count.
 */
export async function assertMayStart(db: Db, userId: string, now: Date): Promise<void> {
  const { perHour, perDay } = env().startLimit;
  const since = (ms: number) =>
    db
      .select({ n: count() })
      .from(processInstances)
      .where(and(eq(processInstances.applicantId, userId), gt(processInstances.createdAt, new Date(now.getTime() - ms))))
      .then(([row]) => row?.n ?? 0);
  const [hour, day] = await Promise.all([since(3_600_000), since(24 * 3_600_000)]);
  if (hour >= perHour || day >= perDay) {
    const [limit, window] = hour >= perHour ? [perHour, '1 小时'] : [perDay, '24 小时'];
    throw new AppError('RATE_LIMITED', `start limit ${limit} per ${window}`, {
      zh: `提交申请过于频繁：每人 ${window}内最多 ${limit} 件，请稍后再试`,
      en: `Too many applications: at most ${limit} per ${hour >= perHour ? 'hour' : 'day'} per person. Please try again later.`,
    });
  }
}
