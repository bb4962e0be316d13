import { NextResponse } from 'next/server';
import { readJson, route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { batchKeySchema } from '@/lib/housing/batch-key';
import { remindOverdueTenants } from '@/lib/housing/remind-overdue';

/** 催缴: a reminder to each overdue tenant of the batch. */
export const POST = route(async ({ req, user }) => {
  const key = await readJson(req, batchKeySchema);
  const db = await getDb();
  return NextResponse.json(await remindOverdueTenants(db, user, key, await now(db)));
}, { permission: 'housing.ledger' });
