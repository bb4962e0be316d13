import { route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { readLetterAttachment } from '@/lib/mailbox/attachments';
import { PRIVATE_HEADERS } from '@/lib/mailbox/http';
import { openLetterFromRequest } from '@/lib/mailbox/open-from-request';
import { getStorage } from '@/lib/storage';
import { fileResponse } from '@/lib/uploads/file-response';

/** A file of the writer's own letter, through the tracking link (or the query-code session). */
export const GET = route<{ token: string; id: string }>(async ({ req, params }) => {
  const db = await getDb();
  const letter = await openLetterFromRequest(db, req, params.token, await now(db));
  const { row, bytes } = await readLetterAttachment(db, getStorage(), letter.instanceId, params.id);
  return fileResponse(row, bytes, PRIVATE_HEADERS);
}, { permission: { public: '校长信箱: the tracking link (or code session) is the capability' } });
