import { NextResponse } from 'next/server';
import { readJson, route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { countUnread, listMessages, markRead } from '@/lib/messages/list-messages';
import { markReadBody } from '@/lib/api/route-inputs';

export const GET = route(async ({ user }) => {
  const db = await getDb();
  const [messages, unread] = await Promise.all([listMessages(db, user), countUnread(db, user)]);
  return NextResponse.json({ unread, messages });
}, { permission: 'signed-in' });

const body = markReadBody;

/** Marks one message (or all) as read. */
export const PATCH = route(async ({ req, user }) => {
  const { id } = await readJson(req, body);
  const db = await getDb();
  await markRead(db, user, await now(db), id);
  return NextResponse.json({ unread: await countUnread(db, user) });
}, { permission: 'signed-in' });
