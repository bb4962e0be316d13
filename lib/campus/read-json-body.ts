import { AppError } from '@/workflows/engine/errors';
import { readBodyJson } from '../body-limit';

/** A pushed batch of dataset rows (thousands of short records). */
const DATASET_BODY_MAX = 20 * 1024 * 1024;

/** A JSON body of any shape (the dataset's own validation reports per row). */
export async function readJsonBody(req: Request): Promise<unknown> {
  if (!(req.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'expected application/json', { zh: '请求格式错误：需要 JSON', en: 'The request body must be JSON' });
  }
  return readBodyJson(req, DATASET_BODY_MAX);
}
