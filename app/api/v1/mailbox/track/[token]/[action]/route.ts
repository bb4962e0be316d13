import type { NextRequest } from 'next/server';
import { route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { loadWorkingCalendar } from '@/workflows/engine/calendar';
import { CODE_SESSION_COOKIE, FLASH_COOKIE, SESSION_TOKEN } from '@/lib/mailbox/code-session';
import { isFormPost, jsonPrivate, publicOrigin, readBody, seeOther } from '@/lib/mailbox/http';
import { trackLetter } from '@/lib/mailbox/track-view';
import { askFollowUp, rateReply, reissueCapability } from '@/lib/mailbox/writer-actions';
import { openLetterFromRequest } from '@/lib/mailbox/open-from-request';
import { AppError } from '@/workflows/engine/errors';

/** The writer's actions through their link: rate, follow-up, revoke and re-issue. */
async function act(req: NextRequest, token: string, action: string): Promise<Response> {
  const db = await getDb();
  const at = await now(db);
  const letter = await openLetterFromRequest(db, req, token, at);
  const body = (await readBody(req)) as Record<string, unknown>;
  const calendar = await loadWorkingCalendar(db);
  const back = `/mailbox/track/${token}`;
  if (action === 'rate') {
    const input = { rating: body.rating, comment: body.comment || undefined };
    await rateReply(db, letter, input, at, calendar);
  } else if (action === 'follow-up') {
    await askFollowUp(db, letter, { question: body.question }, at, calendar);
  } else if (action === 'reissue') {
    const issued = await reissueCapability(db, letter, at, publicOrigin());
    if (!isFormPost(req)) return jsonPrivate({ trackingUrl: issued.trackingUrl, queryCode: issued.queryCode }, 201);
    const res = seeOther(req, `/mailbox/track/${issued.token}`);
    res.cookies.set(FLASH_COOKIE, issued.queryCode, { httpOnly: true, sameSite: 'strict', path: '/mailbox/track', maxAge: 120 });
    res.cookies.delete(CODE_SESSION_COOKIE);
    return res;
  } else {
    throw new AppError('NOT_FOUND', `mailbox action ${action}`);
  }
  return isFormPost(req) ? seeOther(req, `${back}#steps`) : jsonPrivate(await trackLetter(db, letter.instanceId));
}

export const POST = route<{ token: string; action: string }>(async ({ req, params }) => {
  try {
    return await act(req, params.token, params.action);
  } catch (error) {
    // A form post goes back to the page with the error's code; the page shows its message.
    if (isFormPost(req) && isAppError(error) && error.code !== 'NOT_FOUND' && error.code !== 'RATE_LIMITED') {
      const token = params.token === SESSION_TOKEN ? SESSION_TOKEN : params.token;
      return seeOther(req, `/mailbox/track/${token}?error=${error.code}&action=${encodeURIComponent(params.action)}`);
    }
    throw error;
  }
}, { permission: { public: '校长信箱: the tracking link (or code session) is the capability' } });
