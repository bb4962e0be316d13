import { NextResponse } from 'next/server';
import { userRoute } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { readBody } from '@/lib/mailbox/http';
import { assertDeskAccess } from '@/lib/mailbox/office';
import { publishLetter, unpublishLetter } from '@/lib/mailbox/publications';

/** Publish (or edit) the anonymised letter and reply on 公开回复; office only. */
export const POST = userRoute<{ id: string }>(async ({ req, params, user }) => {
  const db = await getDb();
  await assertDeskAccess(db, user, params.id);
  await publishLetter(db, user, params.id, await readBody(req), await now(db));
  return NextResponse.json({ ok: true }, { status: 201 });
});

export const DELETE = userRoute<{ id: string }>(async ({ params, user }) => {
  const db = await getDb();
  await assertDeskAccess(db, user, params.id);
  await unpublishLetter(db, user, params.id);
  return NextResponse.json({ ok: true });
});
