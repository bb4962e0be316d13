import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { readBody } from '@/lib/mailbox/http';
import { publishLetter, unpublishLetter } from '@/lib/mailbox/publications';

/** Publish (or edit) the anonymised letter and reply on 公开回复; office only. */
export const POST = route<{ id: string }>(async ({ req, params, user }) => {
  const db = await getDb();
  await publishLetter(db, user, params.id, await readBody(req), await now(db));
  return NextResponse.json({ ok: true }, { status: 201 });
}, { permission: 'letter.publish' });

export const DELETE = route<{ id: string }>(async ({ params, user }) => {
  const db = await getDb();
  await unpublishLetter(db, user, params.id);
  return NextResponse.json({ ok: true });
}, { permission: 'letter.publish' });
