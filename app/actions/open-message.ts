'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { openMessage as open } from '@/lib/messages/list-messages';

/** Opening a message in the message centre: read on open, then on to what it is about. */
export const openMessage = action(
  z.object({ id: z.uuid() }),
  async ({ id }, { user }) => {
    const db = await getDb();
    redirect((await open(db, user, await now(db), id)) ?? '/messages');
  },
  { permission: 'signed-in' },
);
