import { publicRoute } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { readLetterAttachment } from '@/lib/mailbox/attachments';
import { CODE_SESSION_COOKIE } from '@/lib/mailbox/code-session';
import { openLetter } from '@/lib/mailbox/find-letter';
import { clientIp, PRIVATE_HEADERS } from '@/lib/mailbox/http';
import { getStorage } from '@/lib/storage';
import { fileResponse } from '@/lib/uploads/file-response';

/** A file of the writer's own letter, through the tracking link (or the query-code session). */
export const GET = publicRoute<{ token: string; id: string }>(async ({ req, params }) => {
  const db = await getDb();
  const letter = await openLetter(db, {
    token: params.token,
    sessionCookie: req.cookies.get(CODE_SESSION_COOKIE)?.value,
    ip: clientIp(req.headers),
    now: await now(db),
  });
  const { row, bytes } = await readLetterAttachment(db, getStorage(), letter.instanceId, params.id);
  return fileResponse(row, bytes, PRIVATE_HEADERS);
});
