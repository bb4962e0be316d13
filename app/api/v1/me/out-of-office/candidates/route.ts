import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { getDb } from '@/lib/db';
import { deputyCandidates } from '@/lib/out-of-office';

/** Who may stand in for the caller (the same approval roles), narrowed by ?q= (name, 工号, pinyin). */
export const GET = route(async ({ req, user }) => {
  return NextResponse.json(await deputyCandidates(await getDb(), user, Object.fromEntries(req.nextUrl.searchParams)));
}, { permission: 'me.out-of-office' });
