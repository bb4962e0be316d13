'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireUser } from '@/lib/auth/current-user';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { markRead } from '@/lib/messages/list-messages';

const schema = z.object({ id: z.uuid().optional() });

/** Marks one of the caller's messages (or all of them) read; others' messages are out of reach by the query. */
export async function markMessagesRead(form: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = schema.safeParse({ id: form.get('id') ?? undefined });
  if (!parsed.success) return;
  const db = await getDb();
  await markRead(db, user, await now(db), parsed.data.id);
  revalidatePath('/messages');
}
