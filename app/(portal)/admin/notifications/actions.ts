'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireUser } from '@/lib/auth/current-user';
import { assertNotifyAdmin } from '@/lib/authz-notify';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { retryDeliveries } from '@/lib/notify/admin-deliveries';

const schema = z.object({ id: z.uuid().optional() });

/** Re-queues one failed delivery, or every failed one when no id is given (administrators only). */
export async function retryDeliveryAction(form: FormData): Promise<void> {
  const user = await requireUser();
  assertNotifyAdmin(user);
  const parsed = schema.safeParse({ id: form.get('id') || undefined });
  if (!parsed.success) return;
  const db = await getDb();
  await retryDeliveries(db, await now(db), parsed.data.id ? [parsed.data.id] : 'all-failed');
  revalidatePath('/admin/notifications');
}
