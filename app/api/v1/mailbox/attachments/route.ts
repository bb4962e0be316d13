import { route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { uploadLetterAttachment } from '@/lib/mailbox/attachments';
import { jsonPrivate } from '@/lib/mailbox/http';
import { getStorage } from '@/lib/storage';
import { assertDeclaredSize, readUploadFile } from '@/lib/uploads/receive-upload';
import { rateLimitAddress } from '@/lib/client-ip';
import { POW_HEADER } from '@/lib/pow';

/**
 * An attachment for a letter about to be written (no login needed): rate-limited per address,
 * checked like every upload, kept without an owner. The answer's `claim` goes with the id in the
 * letter (attachmentClaims); unclaimed after an hour, it can no longer be attached.
 */
export const POST = route(async ({ req }) => {
  const max = env().uploadMaxBytes;
  assertDeclaredSize(req, max);
  const db = await getDb();
  const saved = await uploadLetterAttachment(db, getStorage(), {
    ip: rateLimitAddress(req.headers),
    proof: req.headers.get(POW_HEADER),
    now: await now(db),
    maxBytes: max,
    read: () => readUploadFile(req, max),
  });
  return jsonPrivate(saved, 201);
}, { permission: { public: '校长信箱: anyone may write, without an account; rate-limited per address' } });
