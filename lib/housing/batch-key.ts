import { z } from 'zod';
import { isoDate } from '@/workflows/common/fields';

/**
 * A batch of 周转房缴费通知 as 资产管理处 speaks of it: one billing period with one due date
 * (the list it issued, and any list added later for the same period). Read from the notices
 * themselves, so nothing is stored twice.
 */
export const batchKeySchema = z.object({
  period: z.string({ message: '请选择缴费期间' }).trim().min(1, '请选择缴费期间').max(50, '缴费期间不能超过 50 字'),
  dueDate: isoDate('缴费截止日期'),
});
export type BatchKey = z.infer<typeof batchKeySchema>;
