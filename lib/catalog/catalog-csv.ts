import { AUDIENCES, BUILD_MODES, CATALOG_STATUSES, CHANNELS } from '@/db/schema';
import { parseCsv, toCsv } from './csv';
import { entrySchema, type EntryInput } from './entry-schema';
import { AUDIENCE_LABELS, BUILD_MODE_LABELS, CHANNEL_LABELS, STATUS_LABELS } from './labels';
import type { CatalogRow } from './queries';
import { THEMES } from './themes';

/** The columns of the catalog CSV, in order; the header row must name each of them. */
export const CSV_COLUMNS = [
  'code',
  'name_zh',
  'name_en',
  'keywords',
  'theme',
  'department',
  'audience',
  'channels',
  'build_mode',
  'process_id',
  'external_url',
  'status',
  'testers',
  'who_zh',
  'who_en',
  'materials_zh',
  'materials_en',
  'time_limit_zh',
  'time_limit_en',
  'contact',
] as const;

export const MAX_IMPORT_ROWS = 5000;

export interface CsvProblem {
  line: number;
  zh: string;
  en: string;
}

type Dept = { id: string; nameZh: string };

const list = (v: string) =>
  v
    .split(/[|、;；]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** An id, or its Chinese or English label (Excel users type 流程建设, 在测, 学生 …). */
function byLabel<K extends string>(value: string, ids: readonly K[], labels: Record<K, { zh: string; en: string }>): K | string {
  const v = value.trim();
  return ids.find((id) => id === v || labels[id].zh === v || labels[id].en.toLowerCase() === v.toLowerCase()) ?? v;
}

const themeLabels = Object.fromEntries(THEMES.map((t) => [t.id, { zh: t.zh, en: t.en }])) as Record<string, { zh: string; en: string }>;
const unformula = (v: string) => (/^'[=+\-@]/.test(v) ? v.slice(1) : v);

/**
 * Reads the CSV text into entries, or returns every problem found (with its line number),
 * so that nothing is imported from a file that has any.
 */
export function readCatalogCsv(text: string, departments: Dept[]): { entries: EntryInput[] } | { problems: CsvProblem[] } {
  const rows = parseCsv(text).map((r) => r.map(unformula));
  if (rows.length === 0) return { problems: [{ line: 1, zh: '文件是空的', en: 'The file is empty' }] };
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    return { problems: [{ line: 1, zh: `缺少列：${missing.join('、')}`, en: `Missing columns: ${missing.join(', ')}` }] };
  }
  if (rows.length - 1 > MAX_IMPORT_ROWS) {
    return { problems: [{ line: 1, zh: `行数过多（最多 ${MAX_IMPORT_ROWS} 行）`, en: `Too many rows (at most ${MAX_IMPORT_ROWS})` }] };
  }
  const col = (row: string[], name: (typeof CSV_COLUMNS)[number]) => (row[header.indexOf(name)] ?? '').trim();
  const problems: CsvProblem[] = [];
  const entries: EntryInput[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    const deptValue = col(row, 'department');
    const dept = departments.find((d) => d.id === deptValue || d.nameZh === deptValue);
    if (!dept) problems.push({ line, zh: `未知的主办单位「${deptValue}」`, en: `Unknown department "${deptValue}"` });
    const code = col(row, 'code');
    const first = seen.get(code);
    if (first !== undefined) problems.push({ line, zh: `编码 ${code} 与第 ${first} 行重复`, en: `Code ${code} repeats line ${first}` });
    else seen.set(code, line);
    const parsed = entrySchema.safeParse({
      code,
      nameZh: col(row, 'name_zh'),
      nameEn: col(row, 'name_en'),
      keywords: col(row, 'keywords'),
      theme: byLabel(col(row, 'theme'), THEMES.map((t) => t.id), themeLabels),
      departmentId: dept?.id ?? deptValue,
      audience: list(col(row, 'audience')).map((a) => byLabel(a, AUDIENCES, AUDIENCE_LABELS)),
      channels: list(col(row, 'channels')).map((c) => byLabel(c, CHANNELS, CHANNEL_LABELS)),
      buildMode: byLabel(col(row, 'build_mode'), BUILD_MODES, BUILD_MODE_LABELS),
      processId: col(row, 'process_id'),
      externalUrl: col(row, 'external_url'),
      status: byLabel(col(row, 'status'), CATALOG_STATUSES, STATUS_LABELS),
      testers: list(col(row, 'testers')),
      guide: {
        whoZh: col(row, 'who_zh'),
        whoEn: col(row, 'who_en'),
        materialsZh: col(row, 'materials_zh'),
        materialsEn: col(row, 'materials_en'),
        timeLimitZh: col(row, 'time_limit_zh'),
        timeLimitEn: col(row, 'time_limit_en'),
        contact: col(row, 'contact'),
      },
    });
    if (parsed.success) entries.push(parsed.data);
    else {
      for (const issue of parsed.error.issues) {
        problems.push({ line, zh: `${issue.path.join('.')}：${issue.message}`, en: `${issue.path.join('.')}: ${issue.message}` });
      }
    }
  });
  return problems.length ? { problems } : { entries };
}

/** The catalog as CSV (UTF-8 with a BOM, so Excel shows the Chinese right). */
export function writeCatalogCsv(rows: CatalogRow[]): string {
  const lines = rows.map((s) => [
    s.code,
    s.nameZh,
    s.nameEn,
    s.keywords,
    s.theme,
    s.departmentId,
    s.audience.join('|'),
    s.channels.join('|'),
    s.buildMode,
    s.processId ?? '',
    s.externalUrl ?? '',
    s.status,
    s.testers.join('|'),
    s.guide.whoZh,
    s.guide.whoEn,
    s.guide.materialsZh,
    s.guide.materialsEn,
    s.guide.timeLimitZh,
    s.guide.timeLimitEn,
    s.guide.contact,
  ]);
  return `\uFEFF${toCsv([[...CSV_COLUMNS], ...lines])}`;
}
