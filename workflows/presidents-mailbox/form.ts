import { z } from 'zod';

export const LETTER_CATEGORIES = ['suggestion', 'consultation', 'complaint', 'help', 'other'] as const;
export type LetterCategory = (typeof LETTER_CATEGORIES)[number];

/** Content limit: long letters are welcome up to here; beyond it the writer is told so. */
export const LETTER_CONTENT_MAX = 50_000;
export const REPLY_MAX = 20_000;

const text = (max: number, zh: string) =>
  z
    .string({ error: `请填写${zh}` })
    .trim()
    .min(1, `请填写${zh}`)
    .max(max, `${zh}不能超过 ${max} 字`);

/** A letter to 校长信箱, from anyone; contact is required unless the writer stays anonymous. */
export const letterFormSchema = z
  .object({
    category: z.enum(LETTER_CATEGORIES, { error: '请选择来信类别' }),
    subject: text(100, '主题'),
    content: text(LETTER_CONTENT_MAX, '来信内容'),
    anonymous: z.boolean().default(false),
    name: z.string().trim().max(50, '姓名不能超过 50 字').optional(),
    contact: z.string().trim().max(100, '联系方式不能超过 100 字').optional(),
    consentPublish: z.boolean().default(false),
    attachments: z.array(z.uuid('附件无效')).max(5, '最多 5 个附件').default([]),
  })
  .superRefine((form, ctx) => {
    if (!form.anonymous && !form.contact) {
      ctx.addIssue({ code: 'custom', path: ['contact'], message: '实名来信请留下联系方式（电话或电子邮箱）' });
    }
  });
export type LetterForm = z.infer<typeof letterFormSchema>;

const orgId = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, '部门无效');

export const assignInputSchema = z.object({
  departments: z
    .array(orgId)
    .min(1, '请至少选择一个承办部门')
    .max(5, '最多交办 5 个部门')
    .refine((d) => new Set(d).size === d.length, '承办部门重复'),
  /** The reply deadline the departments are held to (ISO date-time). */
  deadline: z.iso.datetime({ offset: true, error: '答复期限无效' }),
});
export const draftInputSchema = z.object({ reply: text(REPLY_MAX, '答复内容') });
export const departmentInputSchema = z.object({ orgUnitId: orgId });
export const reassignInputSchema = z.object({ orgUnitId: orgId, toOrgUnitId: orgId });
export const duplicateInputSchema = z.object({ duplicateOf: z.uuid('请填写原信件编号') });
export const RATINGS = ['satisfied', 'basic', 'unsatisfied'] as const;
export const rateInputSchema = z.object({
  rating: z.enum(RATINGS, { error: '请选择满意度' }),
  comment: z.string().trim().max(1000, '评价不能超过 1000 字').optional(),
});
/**
 * v2: 好差评 in the five levels (5 非常满意 … 1 非常不满意; forms send the digit as text). The
 * answer deadline of a reopened letter is the engine's (completeLetterEventInput), never the writer's.
 */
export const rateInputSchemaV2 = z.object({
  rating: z.coerce.number({ error: '请选择满意度' }).int('请选择满意度').min(1, '请选择满意度').max(5, '请选择满意度'),
  comment: z.string().trim().max(1000, '评价不能超过 1000 字').optional(),
  deadline: z.iso.datetime({ offset: true }).optional(),
});
export const followUpInputSchema = z.object({ question: text(2000, '追问内容') });
