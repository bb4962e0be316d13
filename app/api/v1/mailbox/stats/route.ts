import { NextResponse } from 'next/server';
import { userRoute } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { isMailboxOffice } from '@/lib/mailbox/office';
import { mailboxStats } from '@/lib/mailbox/stats';

export const GET = userRoute(async ({ user }) => {
  if (!isMailboxOffice(user)) throw new AppError('FORBIDDEN', 'not the mailbox office');
  const db = await getDb();
  return NextResponse.json(await mailboxStats(db, await now(db)));
});
