import type { Db } from '@/db/client';
import { AppError } from '@/workflows/engine/errors';
import { rateLimitAddress } from '../client-ip';
import { now } from '../clock';
import { hitRateLimit } from '../rate-limit';

/** Per address: plenty for people checking records, too few to walk the case numbers of a day. */
export const VERIFY_PER_MINUTE = 30;

/** The public verification (page and API) counts every lookup against the caller's address. */
export async function assertVerifyAllowed(db: Db, headers: Headers): Promise<void> {
  const key = `record-verify:${rateLimitAddress(headers)}`;
  if (!(await hitRateLimit(db, key, VERIFY_PER_MINUTE, 60_000, await now(db)))) {
    throw new AppError('RATE_LIMITED', 'record verification rate limit', {
      zh: '核验请求过于频繁，请一分钟后再试。',
      en: 'Too many verification requests. Please try again in a minute.',
    });
  }
}
