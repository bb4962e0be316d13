import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { loadWorkingCalendar } from '@/workflows/engine/calendar';
import { readBody } from '@/lib/mailbox/http';
import { sendLetterEvent } from '@/lib/mailbox/send-letter-event';

/** Office and department actions on a letter (accept, assign, draft, review, …). */
export const POST = route<{ id: string }>(async ({ req, params, user }) => {
  const db = await getDb();
  await sendLetterEvent(db, user, params.id, await readBody(req), await now(db), await loadWorkingCalendar(db));
  return NextResponse.json({ ok: true });
}, { permission: 'letter.desk' });
