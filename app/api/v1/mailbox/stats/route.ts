import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { mailboxStats } from '@/lib/mailbox/stats';
import { authorize } from '@/lib/policy';

export const GET = route(async ({ user }) => {
  authorize(user, 'mailbox.stats');
  const db = await getDb();
  return NextResponse.json(await mailboxStats(db, await now(db)));
}, { permission: 'mailbox.stats' });
