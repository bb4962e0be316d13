import { AppError } from '@/workflows/engine/errors';

/** A JSON body of any shape (the dataset's own validation reports per row). */
export async function readJsonBody(req: Request): Promise<unknown> {
  if (!(req.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'expected application/json', { zh: '请求格式错误：需要 JSON', en: 'The request body must be JSON' });
  }
  try {
    return await req.json();
  } catch {
    throw new AppError('INVALID_INPUT', 'malformed JSON', { zh: '请求内容不是有效的 JSON', en: 'Malformed JSON' });
  }
}
