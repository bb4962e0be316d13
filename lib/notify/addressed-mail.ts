import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { enqueueOutbox } from '@/db/outbox';
import { settings } from '@/db/schema';

/**
 * E-mail to an address rather than to a user (people without an account, e.g. the writer of a
 * 校长信箱 letter). The mail is queued as an 'email' outbox row in the caller's transaction and
 * goes out after commit through the one outbox like every delivery (claim, retries, backoff,
 * operator retry). Its content may carry a capability link, so it is stored sealed (AES-256-GCM,
 * installation key) and wiped once sent; it is never logged.
 */
export interface AddressedMail {
  title: string;
  text: string;
  /** Absolute, or a portal path ('/…') the worker prefixes with the public URL. */
  url: string;
}

/** E-mail goes out only when the installation has SMTP configured (SMTP_URL, as lib/env.ts reads it). */
export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

const KEY_NAME = 'notify_seal_key';

async function sealKey(q: Queryable): Promise<Buffer> {
  await q.insert(settings).values({ key: KEY_NAME, value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
  const [row] = await q.select().from(settings).where(eq(settings.key, KEY_NAME));
  return createHash('sha256').update(row!.value).digest();
}

export function seal(key: Buffer, mail: AddressedMail): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(mail), 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function unseal(key: Buffer, sealed: string): AddressedMail {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('sealed content: unknown format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  return JSON.parse(text) as AddressedMail;
}

export async function openSealed(q: Queryable, sealed: string): Promise<AddressedMail> {
  return unseal(await sealKey(q), sealed);
}

/** Queues one e-mail to `to` in the caller's transaction; nothing when SMTP is not configured. */
export async function queueAddressedMail(
  q: Queryable,
  m: { to: string; topic: string; mail: AddressedMail; now: Date },
): Promise<boolean> {
  if (!smtpConfigured()) return false;
  await enqueueOutbox(q, [
    {
      kind: 'email',
      key: `email:addressed:${randomUUID()}`,
      payload: { to: m.to, topic: m.topic, sealed: seal(await sealKey(q), m.mail) },
      createdAt: m.now,
    },
  ]);
  return true;
}

/** 'writer@example.com' → 'w***@example.com', for the operations page. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return at <= 0 ? '***' : `${address[0]}***${address.slice(at)}`;
}
