'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { markRead } from '@/lib/messages/list-messages';

/** Marks one of the caller's messages (or all of them) read; others' messages are out of reach by the query. */
export const markMessagesRead = action(
  z.object({ id: z.uuid().optional() }),
  async ({ id }, { user }) => {
    const db = await getDb();
    await markRead(db, user, await now(db), id);
    revalidatePath('/messages');
  },
  { permission: 'signed-in' },
);
