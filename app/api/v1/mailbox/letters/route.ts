import { route } from '@/lib/api/route';
import { getCurrentUser } from '@/lib/auth/current-user';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { loadWorkingCalendar } from '@/workflows/engine/calendar';
import { jsonPrivate, publicOrigin, readBody } from '@/lib/mailbox/http';
import { POW_HEADER } from '@/lib/pow';
import { qrSvg } from '@/lib/mailbox/qr';
import { submitLetter } from '@/lib/mailbox/submit-letter';
import { rateLimitAddress } from '@/lib/client-ip';

/** Anyone may write (no login); a signed-in writer also finds the letter under 我的申请. */
export const POST = route(async ({ req }) => {
  const db = await getDb();
  const body = await readBody(req);
  const { trackingUrl, queryCode } = await submitLetter(db, {
    body,
    actor: await getCurrentUser(),
    ip: rateLimitAddress(req.headers),
    proof: req.headers.get(POW_HEADER),
    now: await now(db),
    origin: publicOrigin(),
    calendar: await loadWorkingCalendar(db),
  });
  return jsonPrivate({ trackingUrl, queryCode, qrSvg: await qrSvg(trackingUrl) }, 201);
}, { permission: { public: '校长信箱: anyone may write, without an account; rate-limited per address' } });
