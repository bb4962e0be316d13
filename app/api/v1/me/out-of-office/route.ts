import { NextResponse } from 'next/server';
import { readJson, route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { clearOutOfOffice, getOutOfOffice, outOfOfficeBody, setOutOfOffice } from '@/lib/out-of-office';

/** 代理: the caller's own deputy and dates, and whom they stand in for. */
export const GET = route(async ({ user }) => {
  const db = await getDb();
  return NextResponse.json(await getOutOfOffice(db, user, await now(db)));
}, { permission: 'me.out-of-office' });

/** 代理: sets (or replaces) the deputy (学工号) and the date range; the deputy is the policy's resource. */
export const PUT = route(async ({ req, user }) => {
  const db = await getDb();
  return NextResponse.json(await setOutOfOffice(db, user, await readJson(req, outOfOfficeBody), await now(db)));
}, { permission: 'me.deputy' });

/** 代理 ends now: new tasks come to the caller again. */
export const DELETE = route(async ({ user }) => {
  const db = await getDb();
  return NextResponse.json(await clearOutOfOffice(db, user, await now(db)));
}, { permission: 'me.out-of-office' });
