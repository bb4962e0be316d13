import { z } from 'zod';
import { dateRange } from '../common/fields';

/** 离穗报备 — where, when, how to reach the cadre. A report, so there is no reason to justify. */
export const cityReportFormSchema = dateRange(
  {
    destination: z.string({ message: '请填写目的地' }).trim().min(2, '目的地至少 2 个字').max(100, '目的地不能超过 100 字'),
    contact: z.string({ message: '请填写联系方式' }).trim().min(5, '联系方式至少 5 个字').max(100, '联系方式不能超过 100 字'),
    note: z.string().trim().max(500, '备注不能超过 500 字').optional(),
  },
  60,
);

export type CityReportForm = z.infer<typeof cityReportFormSchema>;
