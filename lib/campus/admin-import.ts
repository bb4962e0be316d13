import { desc } from 'drizzle-orm';
import type { NextRequest } from 'next/server';
import type { Db } from '@/db/client';
import { campusImports } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { authorize } from '../policy';
import { now } from '../clock';
import { readBodyForm } from '../body-limit';
import { getDb } from '../db';
import { CSV_MAX_BYTES, importCsv } from './import-csv';

/** An admin's CSV upload (multipart field `file`) into one dataset; returns the validation report. */
export async function adminImportCsv(req: NextRequest, actor: Actor, datasetId: string) {
  authorize(actor, 'admin.integrations');
  if (Number(req.headers.get('content-length') ?? '0') > CSV_MAX_BYTES + 64 * 1024) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'csv too large', { zh: 'CSV 文件不能超过 20 MB', en: 'CSV files may be at most 20 MB' });
  }
  const form = await readBodyForm(req, CSV_MAX_BYTES + 64 * 1024).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'PAYLOAD_TOO_LARGE') throw error;
    return null;
  });
  const file = form?.get('file');
  if (!(file instanceof File)) throw new AppError('INVALID_INPUT', 'no file', { zh: '请选择 CSV 文件', en: 'Choose a CSV file' });
  const db = await getDb();
  return importCsv(db, { datasetId, bytes: new Uint8Array(await file.arrayBuffer()), actorId: actor.id, now: await now(db) });
}

export async function listImports(db: Db, actor: Actor, limit = 20) {
  authorize(actor, 'admin.integrations');
  return db.select().from(campusImports).orderBy(desc(campusImports.createdAt)).limit(limit);
}
