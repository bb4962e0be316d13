import { z } from 'zod';

/** 体质测试免测/缓测申请 — the application form; evidence is mandatory (no paper path). */
export const fitnessFormSchema = z.object({
  kind: z.enum(['exempt', 'defer'], { message: '请选择免测或缓测' }),
  reason: z
    .string({ message: '请填写申请理由' })
    .trim()
    .min(5, '申请理由至少 5 个字')
    .max(1000, '申请理由不能超过 1000 字'),
  evidence: z
    .array(z.uuid({ message: '附件无效' }), { message: '请上传医院证明' })
    .min(1, '请上传医院证明（必需）')
    .max(5, '最多上传 5 个附件'),
});

export type FitnessForm = z.infer<typeof fitnessFormSchema>;
