import type { NextRequest } from 'next/server';
import type { Db } from '@/db/client';
import { CODE_SESSION_COOKIE } from './code-session';
import { openLetter } from './find-letter';
import { clientIp } from './http';

/** The letter a tracking route's token (or query-code session cookie) opens, for this request. */
export function openLetterFromRequest(db: Db, req: NextRequest, token: string, now: Date) {
  return openLetter(db, { token, sessionCookie: req.cookies.get(CODE_SESSION_COOKIE)?.value, ip: clientIp(req.headers), now });
}
