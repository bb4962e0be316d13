import { z } from 'zod';
import { isoDate } from '../common/fields';

/** A money amount as written in a notice: digits with at most two decimals, no letters. */
export const amountString = z
  .string({ message: '请填写金额' })
  .trim()
  .regex(/^\d{1,7}(\.\d{1,2})?$/, '金额只能是数字，最多两位小数')
  .refine((v) => Number(v) > 0, '金额必须大于 0');

/** 周转房缴费通知 — one tenant's notice: room, billing period, amount, due date. */
export const housingNoticeFormSchema = z.object({
  tenant: z.string({ message: '请填写租户工号' }).trim().min(1, '请填写租户工号').max(64, '租户工号无效'),
  room: z.string({ message: '请填写房号' }).trim().min(1, '请填写房号').max(50, '房号不能超过 50 字'),
  period: z.string({ message: '请填写缴费期间' }).trim().min(1, '请填写缴费期间').max(50, '缴费期间不能超过 50 字'),
  amount: amountString,
  dueDate: isoDate('缴费截止日期'),
});

export type HousingNoticeForm = z.infer<typeof housingNoticeFormSchema>;

/** What a tenant sends when marking the notice paid: the receipt. */
export const paidSchema = z.object({
  receipt: z
    .array(z.uuid({ message: '附件无效' }), { message: '请上传缴费凭证' })
    .min(1, '请上传缴费凭证（必需）')
    .max(3, '最多上传 3 个附件'),
});
