import { z } from 'zod';
import { parseCsv } from './parse-csv';

export interface ImportRow {
  line: number;
  username: string;
  name: string;
  kind: 'student' | 'staff';
  orgUnitId: string;
  email: string | null;
  phone: string | null;
  isCadre: boolean;
}

export interface ImportProblem {
  line: number;
  message: string;
}

const REQUIRED = ['username', 'name', 'kind', 'org_unit_id'] as const;
const OPTIONAL = ['email', 'phone', 'is_cadre'] as const;
export const MAX_IMPORT_ROWS = 20_000;

const rowSchema = z.object({
  username: z.string().regex(/^[A-Za-z0-9_-]{2,32}$/, '学工号只能包含字母、数字、下划线和连字符（2–32 位）'),
  name: z.string().min(1, '姓名不能为空').max(60, '姓名过长'),
  kind: z.enum(['student', 'staff'], { message: '类别应为 student 或 staff' }),
  org_unit_id: z.string().min(1, '所属单位不能为空'),
  email: z.union([z.literal(''), z.email('邮箱格式无效')]),
  phone: z.union([z.literal(''), z.string().regex(/^[0-9+\- ]{5,20}$/, '电话格式无效')]),
  is_cadre: z.enum(['', 'true', 'false', '1', '0', '是', '否'], { message: 'is_cadre 应为 true/false' }),
});

/**
 * Checks a whole people CSV before anything is written: header, every row's fields, duplicate
 * campus ids within the file, unknown org units. Returns the rows, or every problem found.
 */
export function validateImport(text: string, knownUnits: Set<string>): { rows: ImportRow[]; problems: ImportProblem[] } {
  const table = parseCsv(text);
  const problems: ImportProblem[] = [];
  if (table.length === 0) return { rows: [], problems: [{ line: 1, message: '文件为空' }] };
  const header = table[0]!.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) return { rows: [], problems: [{ line: 1, message: `缺少列：${missing.join(', ')}` }] };
  if (table.length - 1 > MAX_IMPORT_ROWS) return { rows: [], problems: [{ line: 1, message: `一次最多导入 ${MAX_IMPORT_ROWS} 行` }] };
  const col = (r: string[], name: string) => {
    const i = header.indexOf(name);
    return i < 0 ? '' : (r[i] ?? '').trim();
  };
  const seen = new Map<string, number>();
  const rows: ImportRow[] = [];
  table.slice(1).forEach((r, i) => {
    const line = i + 2;
    const raw = Object.fromEntries([...REQUIRED, ...OPTIONAL].map((c) => [c, col(r, c)]));
    // Duplicates and unknown units are checked on the raw values too, so one report lists all.
    const key = String(raw.username).toLowerCase();
    if (key && seen.has(key)) problems.push({ line, message: `学工号 ${raw.username} 与第 ${seen.get(key)} 行重复` });
    else if (key) seen.set(key, line);
    if (raw.org_unit_id && !knownUnits.has(String(raw.org_unit_id))) problems.push({ line, message: `未知的单位：${raw.org_unit_id}` });
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ line, message: `${String(issue.path[0] ?? '')}: ${issue.message}` });
      return;
    }
    const v = parsed.data;
    rows.push({
      line,
      username: v.username,
      name: v.name,
      kind: v.kind,
      orgUnitId: v.org_unit_id,
      email: v.email || null,
      phone: v.phone || null,
      isCadre: ['true', '1', '是'].includes(v.is_cadre),
    });
  });
  return { rows: problems.length ? [] : rows, problems };
}
