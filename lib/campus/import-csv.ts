import type { Db } from '@/db/client';
import { AppError } from '@/workflows/engine/errors';
import { applyDataset, type ApplyReport } from './apply-dataset';
import { getDataset } from './datasets';
import { decodeCsv, parseCsv } from './parse-csv';

export const CSV_MAX_BYTES = 20 * 1024 * 1024;

/**
 * An admin's CSV import: detects the encoding (UTF-8 or GBK), maps headers (field key or its
 * Chinese name), then applies all rows or none. Row numbers in the report are file lines.
 */
export async function importCsv(
  db: Db,
  input: { datasetId: string; bytes: Uint8Array; actorId: string; now: Date },
): Promise<ApplyReport & { encoding: string }> {
  const dataset = getDataset(input.datasetId);
  if (!dataset) throw new AppError('NOT_FOUND', `dataset ${input.datasetId}`, { zh: '没有这个数据集', en: 'No such dataset' });
  if (input.bytes.length > CSV_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'csv too large', { zh: 'CSV 文件不能超过 20 MB', en: 'CSV files may be at most 20 MB' });
  }
  const { text, encoding } = decodeCsv(input.bytes);
  const [header, ...records] = parseCsv(text);
  if (!header) throw new AppError('INVALID_INPUT', 'empty csv', { zh: 'CSV 文件是空的', en: 'The CSV file is empty' });
  const columns = header.map((h) => {
    const name = h.trim();
    return dataset.fields.find((f) => f.key === name || f.zh === name)?.key ?? null;
  });
  const missing = dataset.fields.filter((f) => !columns.includes(f.key) && !dataset.row.shape[f.key]?.safeParse(undefined).success);
  if (missing.length > 0) {
    throw new AppError('INVALID_INPUT', 'missing columns', {
      zh: `缺少列：${missing.map((m) => m.zh).join('、')}（检测到的编码：${encoding}）`,
      en: `Missing columns: ${missing.map((m) => m.en).join(', ')} (detected encoding: ${encoding})`,
    });
  }
  const rows = records.map((record) => {
    const row: Record<string, string> = {};
    columns.forEach((key, i) => {
      if (key) row[key] = record[i] ?? '';
    });
    return row;
  });
  const report = await applyDataset(db, {
    datasetId: dataset.id,
    rows,
    source: 'csv',
    actorId: input.actorId,
    now: input.now,
    encoding,
    rowNumber: (i) => i + 2,
  });
  return { ...report, encoding };
}
