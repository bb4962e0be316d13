import { AppError } from '@/workflows/engine/errors';
import type { RequestUser } from '../auth/current-user';
import { now } from '../clock';
import { getDb } from '../db';
import { applyDataset, type ApplyReport } from './apply-dataset';
import { getDataset } from './datasets';
import { authorize } from '../policy';

export const PUSH_MAX_ROWS = 200_000;

/**
 * `PUT /api/v1/integrations/{dataset}` from a university system: the caller must have come with
 * an API token carrying `dataset:{id}` (checked by getRequestUser); a browser session is not
 * enough, so a signed-in admin's page cannot be tricked into pushing data.
 */
export async function pushDataset(user: RequestUser | null, datasetId: string, body: unknown): Promise<ApplyReport> {
  if (!getDataset(datasetId)) throw new AppError('NOT_FOUND', `dataset ${datasetId}`, { zh: '没有这个数据集', en: 'No such dataset' });
  authorize(user, 'dataset.push', { kind: 'dataset', id: datasetId });
  if (!user) throw new AppError('UNAUTHENTICATED', 'no token'); // authorize refused it already; for the type
  const rows = Array.isArray(body) ? body : (body as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) {
    throw new AppError('INVALID_INPUT', 'rows missing', { zh: '请求体应为数组或 {"rows": [...]}', en: 'The body must be an array or {"rows": [...]}' });
  }
  if (rows.length > PUSH_MAX_ROWS) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'too many rows', {
      zh: `一次最多推送 ${PUSH_MAX_ROWS} 行`,
      en: `At most ${PUSH_MAX_ROWS} rows per push`,
    });
  }
  const db = await getDb();
  return applyDataset(db, { datasetId, rows, source: 'push', actorId: user.id, now: await now(db) });
}
