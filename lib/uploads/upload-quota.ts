import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { uploads } from '@/db/schema';
import { AppError } from '@/workflows/engine/errors';
import { env } from '../env';

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/**
 * A person's upload allowance: bytes per 24 hours (UPLOAD_QUOTA_BYTES_PER_DAY) and bytes uploaded
 * but not yet attached to an application (UPLOAD_UNATTACHED_MAX_BYTES), so one account cannot
 * fill the disk (40 × 10 MB in 22 s was ≈65 GB/h). Checked before the body is read (with the
 * declared size, if any) and again with the real size before the file is stored.
 */
export async function assertUploadQuota(db: Db, ownerId: string, incoming: number, now: Date): Promise<void> {
  const { perDay, unattached } = env().uploadQuota;
  const [row] = await db
    .select({
      day: sql<string>`coalesce(sum(${uploads.size}) filter (where ${uploads.createdAt} > ${new Date(now.getTime() - 24 * 3_600_000).toISOString()}::timestamptz), 0)`,
      loose: sql<string>`coalesce(sum(${uploads.size}) filter (where ${uploads.instanceId} is null), 0)`,
    })
    .from(uploads)
    .where(eq(uploads.ownerId, ownerId));
  const day = Number(row?.day ?? 0);
  const loose = Number(row?.loose ?? 0);
  if (day + incoming > perDay) {
    throw new AppError('RATE_LIMITED', `upload quota: ${day} + ${incoming} > ${perDay} per day`, {
      zh: `今日上传已达上限（每人每天 ${mb(perDay)} MB），请明天再试`,
      en: `Daily upload limit reached (${mb(perDay)} MB per person per day). Please try again tomorrow.`,
    });
  }
  if (loose + incoming > unattached) {
    throw new AppError('RATE_LIMITED', `unattached uploads: ${loose} + ${incoming} > ${unattached}`, {
      zh: `尚未提交的附件已达 ${mb(unattached)} MB：请先提交申请，或稍后再上传`,
      en: `You have ${mb(unattached)} MB of files not yet attached to an application: submit it first, or upload later.`,
    });
  }
}

