import { z } from 'zod';
import type { PrefillSpec } from '../engine/types';

/** Today in China Standard Time, 'YYYY-MM-DD'. */
export function todayCst(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const isoDate = (what: string) =>
  z
    .string({ message: `请填写${what}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${what}格式应为 YYYY-MM-DD`)
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), `${what}不是有效日期`);

/** A start date that is not in the past, an end date not before it, and at most `maxDays` days. */
export function dateRange<T extends z.ZodRawShape>(shape: T, maxDays: number) {
  return z
    .object({ ...shape, startDate: isoDate('开始日期'), endDate: isoDate('结束日期') })
    .superRefine((value, ctx) => {
      const v = value as { startDate: string; endDate: string };
      if (v.startDate < todayCst()) ctx.addIssue({ code: 'custom', path: ['startDate'], message: '开始日期不能早于今天' });
      if (v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
      const days = (Date.parse(v.endDate) - Date.parse(v.startDate)) / 86_400_000 + 1;
      if (days > maxDays) ctx.addIssue({ code: 'custom', path: ['endDate'], message: `时长不能超过 ${maxDays} 天` });
    });
}

export const photos = z.array(z.uuid({ message: '照片无效' })).max(6, '最多上传 6 张照片');

/** Where a repair is needed and what it looks like: shared by the three repair processes. */
export const location = {
  building: z.string({ message: '请填写楼栋' }).trim().min(1, '请填写楼栋').max(50, '楼栋不能超过 50 字'),
  room: z.string({ message: '请填写房间号' }).trim().min(1, '请填写房间号').max(20, '房间号不能超过 20 字'),
  description: z
    .string({ message: '请描述故障情况' })
    .trim()
    .min(5, '故障描述至少 5 个字')
    .max(1000, '故障描述不能超过 1000 字'),
  photos,
  preferredTime: z.string().trim().max(100, '期望上门时间不能超过 100 字').optional(),
};

/** A phone number as people write it (digits, +, -, spaces); the repairer or the office calls it. */
export const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-\s]{5,20}$/, '联系电话只能是 5–20 位数字');

const recordText = z.string().trim().max(100).optional().describe("Filled in by the server from the applicant's record (一表通); a value sent is ignored.");

/**
 * 一表通: who is asking, as the hall knows them. Name, 学号/工号 and college or department come
 * from the person's record and are locked (the server fills them in, a client's values are
 * ignored), so they are optional here; the phone may be corrected.
 */
export const applicant = {
  applicantName: recordText,
  campusId: recordText,
  orgName: recordText,
  phone: phone.optional(),
};

export const applicantPrefill: Record<keyof typeof applicant, PrefillSpec> = {
  applicantName: { fact: 'name', locked: true },
  campusId: { fact: 'campusId', locked: true },
  orgName: { fact: 'orgName', locked: true },
  phone: { fact: 'phone' },
};

/** A dormitory repair is usually in the person's own room (住宿信息); they may name another. */
export const dormPrefill: Record<'building' | 'room', PrefillSpec> = {
  building: { fact: 'dormBuilding' },
  room: { fact: 'dormRoom' },
};
