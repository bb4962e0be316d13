import { z } from 'zod';
import { batchKeySchema } from '@/lib/housing/batch-key';

/**
 * Request schemas of routes that validate with readJson/parseInput themselves (the rest live beside
 * the lib function that parses them). The route and the OpenAPI document (lib/api/openapi) import
 * the same object, so what is documented is what is accepted.
 */

export const startInstanceBody = z.object({
  process: z.string().min(1).max(100),
  input: z.unknown(),
});

export const instanceEventBody = z.object({
  type: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, '未知的操作'),
  comment: z.string().max(2000, '意见不能超过 2000 字').optional(),
  input: z.unknown().optional(),
  expectedRevision: z.number().int().min(0).optional(),
});

/** ?view=full: answer the whole instance view after the event instead of where it stands. */
export const instanceEventQuery = z.object({ view: z.enum(['full'], { message: 'view 只能是 full' }).optional() });

export const tasksQuery = z.object({ status: z.enum(['open', 'done'], { message: 'status 只能是 open 或 done' }).default('open') });

export const batchTasksBody = z.object({
  taskIds: z
    .array(z.uuid('待办编号无效'), { message: '请选择要批量办理的待办' })
    .min(1, '请选择要批量办理的待办')
    .max(100, '一次最多批量办理 100 件'),
  comment: z.string().max(2000, '意见不能超过 2000 字').optional(),
  /** 已逐件查阅附件: required by steps whose meta says batch.confirmAttachments. */
  attachmentsConfirmed: z.boolean().optional(),
});

export const copyInstanceBody = z.object({
  usernames: z
    .array(z.string().trim().min(1, '请填写学工号').max(64), { message: '请选择抄送对象' })
    .min(1, '请选择抄送对象')
    .max(20, '一次最多抄送 20 人'),
  comment: z.string().max(2000, '说明不能超过 2000 字').optional(),
  expectedRevision: z.number().int().min(0).optional(),
});

export const markReadBody = z.object({ read: z.literal(true), id: z.uuid().optional() });

export const pushUnsubscribeBody = z.object({ endpoint: z.string().min(1).max(2000) });

export const housingNoticesBody = z.object({
  csv: z.string({ message: '请粘贴或上传 CSV' }).max(2_000_000, 'CSV 过大'),
  dryRun: z.boolean().optional(),
  from: z.number().int().min(0).optional(),
});

/** One batch of 周转房缴费通知 (lib/housing/ledger.ts), and JSON or CSV for the ledger's download. */
export const housingBatchQuery = batchKeySchema.extend({ format: z.enum(['json', 'csv']).optional() });

export const importPeopleBody = z.object({ csv: z.string().max(5_000_000, 'CSV 文件不能超过 5 MB') });

export const cancelInstanceBody = z.object({ reason: z.string().max(2000, '原因不能超过 2000 字'), expectedRevision: z.number().int().min(0).optional() });

export const migrateInstancesBody = z.object({
  processId: z.string().regex(/^[a-z0-9-]{1,80}$/, '流程无效'),
  targetVersion: z.number().int().min(1),
  ids: z.array(z.string()).min(1, '请选择办件').max(1000),
});

export const reassignTaskBody = z.object({ username: z.string().trim().min(1, '请填写学工号').max(64), comment: z.string().max(2000).optional() });

export const userActiveBody = z.object({ active: z.boolean() });

export const testClockBody = z.object({ advanceMs: z.number().int().min(0).max(400 * 24 * 3600 * 1000) });

/** 转办 / 委派: to whom (学工号) and why, with the revision the page showed. */
export const taskHandBody = z.object({
  to: z.string().trim().min(1, '请选择人员').max(64),
  reason: z.string().max(500, '理由不能超过 500 字').optional(),
  expectedRevision: z.number().int().min(0).optional(),
});

/** 加签: whom (学工号), before or after the holder, and why. */
export const taskSignerBody = taskHandBody.extend({ position: z.enum(['before', 'after'], { message: '请选择前加签或后加签' }) });

/** The delegate's opinion (委派回复), or the before-signer's signature (前加签). */
export const taskAnswerBody = z.object({
  opinion: z.string().trim().min(1, '请填写您的意见').max(2000, '意见不能超过 2000 字'),
  expectedRevision: z.number().int().min(0).optional(),
});

/** Who a task may go to: a name, 工号 or pinyin to narrow the list. */
export const taskPeopleQuery = z.object({ q: z.string().max(32).optional() });

/** 撤回 / 催办: an optional reason, with the revision the page showed. */
export const instanceOpBody = z.object({
  reason: z.string().max(500, '理由不能超过 500 字').optional(),
  expectedRevision: z.number().int().min(0).optional(),
});
