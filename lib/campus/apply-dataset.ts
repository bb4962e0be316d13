import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { campusImports, campusRecords } from '@/db/schema';
import { AppError } from '@/workflows/engine/errors';
import { getDataset, type DatasetDefinition } from './datasets';

export interface RowError {
  /** 1-based position in the pushed array, or the CSV line number. */
  row: number;
  message: string;
}

export interface ApplyReport {
  dataset: string;
  rows: number;
  applied: boolean;
  inserted: number;
  updated: number;
  errors: RowError[];
  /** How many errors there were in all (the list is capped). */
  errorCount: number;
}

const MAX_REPORTED = 200;
const CHUNK = 1000;

/** Validates every row; the natural key must also be unique within one batch (else which wins?). */
export function validateRows(dataset: DatasetDefinition, rows: unknown[], rowNumber: (i: number) => number) {
  const valid: Array<{ key: string; owner: string | null; data: Record<string, string | number | null> }> = [];
  const errors: RowError[] = [];
  let errorCount = 0;
  const seen = new Map<string, number>();
  const fail = (row: number, message: string) => {
    errorCount++;
    if (errors.length < MAX_REPORTED) errors.push({ row, message });
  };
  rows.forEach((raw, i) => {
    const n = rowNumber(i);
    const parsed = dataset.row.safeParse(raw);
    if (!parsed.success) {
      fail(n, parsed.error.issues.map((issue) => `${issue.path.join('.') || '行'}: ${issue.message}`).join('; '));
      return;
    }
    const key = dataset.naturalKey(parsed.data);
    const first = seen.get(key);
    if (first !== undefined) {
      fail(n, `与第 ${first} 行重复（${key}） / duplicates row ${first}`);
      return;
    }
    seen.set(key, n);
    valid.push({ key, owner: dataset.owner(parsed.data), data: parsed.data as Record<string, string | number | null> });
  });
  return { valid, errors, errorCount };
}

/**
 * Applies a batch of rows to a dataset, all or nothing: if any row is bad, nothing is written
 * and the report lists the bad rows. A partial apply would leave a student's timetable half
 * old and half new with no way for the sending system to tell which rows landed; rejecting
 * the batch lets it fix the rows and resend the same batch, which is idempotent (rows are
 * upserted by natural key).
 */
export async function applyDataset(
  db: Db,
  input: { datasetId: string; rows: unknown[]; source: 'csv' | 'push'; actorId: string; now: Date; encoding?: string; rowNumber?: (i: number) => number },
): Promise<ApplyReport> {
  const dataset = getDataset(input.datasetId);
  if (!dataset) throw new AppError('NOT_FOUND', `dataset ${input.datasetId}`, { zh: '没有这个数据集', en: 'No such dataset' });
  const { valid, errors, errorCount } = validateRows(dataset, input.rows, input.rowNumber ?? ((i) => i + 1));
  const report: ApplyReport = { dataset: dataset.id, rows: input.rows.length, applied: false, inserted: 0, updated: 0, errors, errorCount };
  if (input.rows.length === 0) {
    report.errorCount = 1;
    report.errors = [{ row: 0, message: '没有数据行 / no rows' }];
  }
  const log = {
    dataset: dataset.id,
    source: input.source,
    actorId: input.actorId,
    rows: input.rows.length,
    encoding: input.encoding ?? null,
    createdAt: input.now,
  };
  if (report.errorCount > 0) {
    await db.insert(campusImports).values({ ...log, applied: false, errors: report.errors });
    return report;
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < valid.length; i += CHUNK) {
      const chunk = valid.slice(i, i + CHUNK);
      const written = await tx
        .insert(campusRecords)
        .values(chunk.map((v) => ({ dataset: dataset.id, naturalKey: v.key, ownerUsername: v.owner, data: v.data, updatedAt: input.now })))
        .onConflictDoUpdate({
          target: [campusRecords.dataset, campusRecords.naturalKey],
          set: { ownerUsername: sql`excluded.owner_username`, data: sql`excluded.data`, updatedAt: sql`excluded.updated_at` },
        })
        // xmax = 0 only for a freshly inserted row: tells inserts from updates in one statement.
        .returning({ inserted: sql<boolean>`(xmax = 0)` });
      for (const w of written) {
        if (w.inserted) report.inserted++;
        else report.updated++;
      }
    }
    await tx.insert(campusImports).values({ ...log, applied: true, errors: [] });
  });
  report.applied = true;
  return report;
}
