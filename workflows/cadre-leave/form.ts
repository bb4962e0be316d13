import { z } from 'zod';
import { dateRange, isoDate } from '../common/fields';

export const LEAVE_TYPES = ['annual', 'personal', 'sick', 'marriage', 'bereavement', 'family-visit', 'other'] as const;

/** The rules allow at most 30 calendar days in one application; longer absences go through 人事处. */
export const MAX_LEAVE_DAYS = 30;

/** 中层干部请假申请 — dates, type, reason, 代理人 (a colleague of the same department), contact. */
export const cadreLeaveFormSchema = dateRange(
  {
    leaveType: z.enum(LEAVE_TYPES, { message: '请选择请假类型' }),
    reason: z.string({ message: '请填写请假事由' }).trim().min(2, '请假事由至少 2 个字').max(500, '请假事由不能超过 500 字'),
    deputy: z.string({ message: '请填写代理人工号' }).trim().min(1, '请填写代理人工号').max(64, '代理人工号无效'),
    contact: z.string({ message: '请填写请假期间联系方式' }).trim().min(5, '联系方式至少 5 个字').max(100, '联系方式不能超过 100 字'),
  },
  MAX_LEAVE_DAYS,
);

export type CadreLeaveForm = z.infer<typeof cadreLeaveFormSchema>;

/** 销假: the day the cadre was actually back at work (checked against the leave in check-event.ts). */
export const reportBackSchema = z.object({ returnedOn: isoDate('实际返岗日期') });

export type ReportBack = z.infer<typeof reportBackSchema>;
