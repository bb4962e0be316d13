import { NextResponse } from 'next/server';
import { z } from 'zod';
import { readJson, userRoute } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { countUnread, listMessages, markRead } from '@/lib/messages/list-messages';

export const GET = userRoute(async ({ user }) => {
  const db = await getDb();
  const [messages, unread] = await Promise.all([listMessages(db, user), countUnread(db, user)]);
  return NextResponse.json({ unread, messages });
});

const body = z.object({ read: z.literal(true), id: z.uuid().optional() });

/** Marks one message (or all) as read. */
export const PATCH = userRoute(async ({ req, user }) => {
  const { id } = await readJson(req, body);
  const db = await getDb();
  await markRead(db, user, await now(db), id);
  return NextResponse.json({ unread: await countUnread(db, user) });
});
