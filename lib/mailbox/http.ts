import { NextResponse, type NextRequest } from 'next/server';
import { CAPABILITY_HEADERS } from '@/lib/security-headers';
import { AppError } from '@/workflows/engine/errors';
import { readBodyText } from '../body-limit';
import { env } from '../env';

/** Capability URLs must not leak through Referer, search engines or caches. */
export const PRIVATE_HEADERS = { ...CAPABILITY_HEADERS, 'Cache-Control': 'no-store' } as const;

/** Letters are text: 50,000 characters of Chinese are ~150 KB of UTF-8, plus the JSON around it. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Where capability links (tracking URLs, also e-mailed) and redirects point: PUBLIC_URL only.
 * A request's Host and X-Forwarded-Host are whatever the client wrote.
 */
export function publicOrigin(): string {
  return env().notify.publicUrl;
}

/** An HTML form post (the tracking page works without JavaScript) rather than a JSON call. */
export function isFormPost(req: NextRequest): boolean {
  return (req.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');
}

/** Reads a JSON or url-encoded body within the size limit, refusing bigger ones before reading. */
export async function readBody(req: NextRequest): Promise<unknown> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', 'letter body too large', {
      zh: '内容过长：来信正文最多 50,000 字',
      en: 'Too long: a letter may have at most 50,000 characters',
    });
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await readBodyText(req, MAX_BODY_BYTES, tooLarge);
  if (isFormPost(req)) return Object.fromEntries(new URLSearchParams(text));
  if (!(req.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'expected JSON', { zh: '请求格式错误：需要 JSON', en: 'The request body must be JSON' });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('INVALID_INPUT', 'malformed JSON', { zh: '请求内容不是有效的 JSON', en: 'Malformed JSON' });
  }
}

export function jsonPrivate(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: PRIVATE_HEADERS });
}

export function seeOther(_req: NextRequest, path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { ...PRIVATE_HEADERS, Location: new URL(path, publicOrigin()).toString() } });
}
