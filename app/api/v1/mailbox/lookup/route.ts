import { route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { CODE_SESSION_COOKIE, CODE_SESSION_SECONDS, SESSION_TOKEN, signCodeSession } from '@/lib/mailbox/code-session';
import { findLetterByCode } from '@/lib/mailbox/find-letter';
import { isFormPost, jsonPrivate, readBody, seeOther } from '@/lib/mailbox/http';
import { trackLetter } from '@/lib/mailbox/track-view';
import { rateLimitAddress } from '@/lib/client-ip';

/**
 * Looks a letter up by query code (and the contact given, when one was). JSON callers get the
 * tracking view; the page's form gets a half-hour signed cookie and /mailbox/track/session.
 */
export const POST = route(async ({ req }) => {
  const db = await getDb();
  const at = await now(db);
  const body = (await readBody(req)) as Record<string, unknown>;
  const code = typeof body.code === 'string' ? body.code : '';
  const contact = typeof body.contact === 'string' ? body.contact : '';
  try {
    const letter = await findLetterByCode(db, code, contact, rateLimitAddress(req.headers), at);
    if (!isFormPost(req)) return jsonPrivate(await trackLetter(db, letter.instanceId));
    const res = seeOther(req, `/mailbox/track/${SESSION_TOKEN}`);
    res.cookies.set(CODE_SESSION_COOKIE, await signCodeSession(db, letter.tokenHash, at), {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      maxAge: CODE_SESSION_SECONDS,
    });
    return res;
  } catch (error) {
    if (isFormPost(req) && isAppError(error)) return seeOther(req, `/mailbox/track?error=${error.code}`);
    throw error;
  }
}, { permission: { public: '校长信箱: the query code (and contact) is the capability; rate-limited' } });
