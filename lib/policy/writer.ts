import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { mailboxLetters } from '@/db/schema';
import { keyedHash, mailboxKey } from '../mailbox/capability';

/**
 * The one link between a 校长信箱 letter and the account that wrote it: an HMAC of the account id
 * with the installation key. The writer's own views compute it from the session and look the
 * letter up by it; no staff view can turn it back into a person (an anonymous letter is started
 * without an applicant, so no name, account or department is stored with it at all).
 */
export async function writerRef(db: Db, userId: string): Promise<string> {
  return keyedHash(await mailboxKey(db), `writer:${userId}`);
}

/** Whether this account wrote this letter. */
export async function isWriterOf(db: Db, userId: string, instanceId: string): Promise<boolean> {
  const [row] = await db.select({ ref: mailboxLetters.writerRef }).from(mailboxLetters).where(eq(mailboxLetters.instanceId, instanceId));
  return row?.ref != null && row.ref === (await writerRef(db, userId));
}
