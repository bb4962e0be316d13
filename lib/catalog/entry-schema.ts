import { z } from 'zod';
import { sameSitePath } from '../safe-url';
import { AUDIENCES, BUILD_MODES, CATALOG_STATUSES, CHANNELS } from '@/db/schema';
import { THEME_IDS } from './themes';

const text = (max: number) => z.string().trim().max(max);

/**
 * One catalog entry as an admin (form or CSV row) gives it; the department is checked against the
 * database. An entry with neither process nor link is a guide only (办事指南, handled offline).
 */
export const entrySchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, '编码只能用小写字母、数字和连字符（2–64 位）'),
    nameZh: text(100).min(1, '请填写中文名称'),
    nameEn: text(200).min(1, '请填写英文名称'),
    keywords: text(200),
    theme: z.enum(THEME_IDS, '未知的服务主题'),
    departmentId: text(64).min(1, '请选择主办单位'),
    audience: z.array(z.enum(AUDIENCES, '未知的办理对象')).min(1, '至少选择一类办理对象'),
    channels: z.array(z.enum(CHANNELS, '未知的渠道')).min(1, '至少选择一个渠道'),
    buildMode: z.enum(BUILD_MODES, '未知的建设方式'),
    processId: text(64)
      .regex(/^([a-z0-9-]+)?$/, '流程编号只能用小写字母、数字和连字符')
      .transform((v) => v || null),
    externalUrl: text(500)
      .refine((v) => v === '' || /^https?:\/\/[^\s]+$/.test(v) || sameSitePath(v) === v, '链接须以 http(s):// 或本站路径 / 开头')
      .transform((v) => v || null),
    status: z.enum(CATALOG_STATUSES, '未知的状态'),
    testers: z.array(z.string().trim().regex(/^[A-Za-z0-9_.-]{1,64}$/, '测试人员须为学号/工号')).max(50),
    guide: z.object({
      whoZh: text(500),
      whoEn: text(500),
      materialsZh: text(1000),
      materialsEn: text(1000),
      timeLimitZh: text(200),
      timeLimitEn: text(200),
      contact: text(200),
    }),
  })
  .refine((e) => !(e.buildMode === 'app' || e.buildMode === 'wecom-app') || e.externalUrl, {
    message: '应用集成类服务须填写外部链接',
    path: ['externalUrl'],
  });

export type EntryInput = z.infer<typeof entrySchema>;
