import { randomBytes } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { outbox, webhooks, WEBHOOK_EVENTS } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { parseInput } from '@/workflows/engine/validate';
import { getDefinition } from '@/workflows/registry';
import { authorize } from '../policy';
import { checkDestination, isOutboundError } from '../net';

export const webhookSchema = z.object({
  url: z
    .url()
    .max(500)
    .refine((u) => /^https?:\/\//.test(u), 'http(s) only'),
  processId: z.string().trim().max(60).nullish().transform((v) => v || null),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1),
});

/** Registers a webhook; the signing secret is returned this once. */
export async function registerWebhook(db: Db, actor: Actor, input: unknown) {
  authorize(actor, 'admin.integrations');
  const form = parseInput(webhookSchema, input);
  if (form.processId) getDefinition(form.processId);
  await checkDestination(form.url, { purpose: 'webhook' }).catch((error: unknown) => {
    if (!isOutboundError(error)) throw error;
    throw new AppError('INVALID_INPUT', error.message, error.userMessage, { fields: { url: `${error.userMessage.zh} / ${error.userMessage.en}` } });
  });
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const [row] = await db
    .insert(webhooks)
    .values({ url: form.url, processId: form.processId, events: form.events, secret, createdBy: actor.id })
    .returning({ id: webhooks.id });
  return { id: row!.id, secret };
}

export async function setWebhookActive(db: Db, actor: Actor, id: string, active: boolean): Promise<void> {
  authorize(actor, 'admin.integrations');
  await db.update(webhooks).set({ active }).where(eq(webhooks.id, id));
}

/** The webhooks with their latest deliveries: the delivery log an admin reads. */
export async function listWebhooks(db: Db, actor: Actor) {
  authorize(actor, 'admin.integrations');
  const hooks = await db
    .select({ id: webhooks.id, url: webhooks.url, processId: webhooks.processId, events: webhooks.events, active: webhooks.active })
    .from(webhooks)
    .orderBy(desc(webhooks.createdAt));
  const rows = await db
    .select()
    .from(outbox)
    .where(eq(outbox.kind, 'webhook'))
    .orderBy(desc(outbox.createdAt))
    .limit(100);
  const deliveries = rows.map((r) => {
    const p = r.payload as { webhookId: string; event: string };
    return { id: r.id, webhookId: p.webhookId, event: p.event, status: r.status, attempts: r.attempts, lastError: r.lastError, createdAt: r.createdAt };
  });
  return { hooks, deliveries };
}
