import { z } from 'zod';

const fieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, '字段名无效');

/**
 * What a form sends to keep as its draft: the text fields as typed (a draft may be incomplete,
 * so nothing else is checked) and the files picked per field. Bounded so a draft stays a form.
 */
export const draftBody = z.object({
  values: z
    .record(fieldName, z.string().max(5000, '草稿内容过长'))
    .refine((v) => Object.keys(v).length <= 40, '草稿字段过多'),
  files: z
    .record(fieldName, z.array(z.uuid('附件无效')).max(10, '附件过多'))
    .refine((v) => Object.keys(v).length <= 10, '草稿附件字段过多')
    .default({}),
});

export type DraftBody = z.infer<typeof draftBody>;
