import { z } from 'zod';
import { dateRange } from '../common/fields';

export const FUNDERS = ['self', 'family', 'other'] as const;

/** 因私出国（境） — destination countries/regions, dates, purpose, who pays. */
export const privateTravelFormSchema = dateRange(
  {
    countries: z
      .array(z.string().trim().min(1, '国家（地区）名称不能为空').max(50, '国家（地区）名称不能超过 50 字'), {
        message: '请填写前往国家（地区）',
      })
      .min(1, '请至少填写一个前往国家（地区）')
      .max(10, '最多填写 10 个国家（地区）'),
    purpose: z.string({ message: '请填写出行事由' }).trim().min(2, '出行事由至少 2 个字').max(500, '出行事由不能超过 500 字'),
    fundedBy: z.enum(FUNDERS, { message: '请选择费用来源' }),
    contact: z.string({ message: '请填写境外联系方式' }).trim().min(5, '联系方式至少 5 个字').max(100, '联系方式不能超过 100 字'),
  },
  90,
);

export type PrivateTravelForm = z.infer<typeof privateTravelFormSchema>;
