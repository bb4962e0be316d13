import type { NextRequest } from 'next/server';
import type { Db } from '@/db/client';
import { rateLimitAddress } from '../client-ip';
import { CODE_SESSION_COOKIE } from './code-session';
import { openLetter } from './find-letter';

/** The letter a tracking route's token (or query-code session cookie) opens, for this request. */
export function openLetterFromRequest(db: Db, req: NextRequest, token: string, now: Date) {
  return openLetter(db, { token, sessionCookie: req.cookies.get(CODE_SESSION_COOKIE)?.value, ip: rateLimitAddress(req.headers), now });
}
