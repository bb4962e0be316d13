import { route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { jsonPrivate } from '@/lib/mailbox/http';
import { trackLetter } from '@/lib/mailbox/track-view';
import { openLetterFromRequest } from '@/lib/mailbox/open-from-request';

/** The tracking page as JSON. Reads only (a failed lookup is counted for the rate limit). */
export const GET = route<{ token: string }>(async ({ req, params }) => {
  const db = await getDb();
  const letter = await openLetterFromRequest(db, req, params.token, await now(db));
  return jsonPrivate(await trackLetter(db, letter.instanceId));
}, { permission: { public: '校长信箱: the tracking link (or code session) is the capability' } });
