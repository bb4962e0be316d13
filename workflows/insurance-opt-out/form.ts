import { z } from 'zod';

/** 城乡居民医保不参保申请 — the proof of other insurance is mandatory. */
export const insuranceFormSchema = z.object({
  insurer: z.string({ message: '请填写参保单位或保险公司' }).trim().min(2, '参保单位至少 2 个字').max(100, '参保单位不能超过 100 字'),
  note: z.string().trim().max(500, '说明不能超过 500 字').optional(),
  proof: z
    .array(z.uuid({ message: '附件无效' }), { message: '请上传参加医疗保险证明' })
    .min(1, '请上传参加医疗保险证明（必需）')
    .max(5, '最多上传 5 个附件'),
});

export type InsuranceForm = z.infer<typeof insuranceFormSchema>;
