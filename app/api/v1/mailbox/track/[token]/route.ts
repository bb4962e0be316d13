import { publicRoute } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { CODE_SESSION_COOKIE } from '@/lib/mailbox/code-session';
import { openLetter } from '@/lib/mailbox/find-letter';
import { clientIp, jsonPrivate } from '@/lib/mailbox/http';
import { trackLetter } from '@/lib/mailbox/track-view';

/** The tracking page as JSON. Reads only (a failed lookup is counted for the rate limit). */
export const GET = publicRoute<{ token: string }>(async ({ req, params }) => {
  const db = await getDb();
  const letter = await openLetter(db, {
    token: params.token,
    sessionCookie: req.cookies.get(CODE_SESSION_COOKIE)?.value,
    ip: clientIp(req.headers),
    now: await now(db),
  });
  return jsonPrivate(await trackLetter(db, letter.instanceId));
});
