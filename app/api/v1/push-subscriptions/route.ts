import { NextResponse } from 'next/server';
import { readJson, route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { removeSubscription, saveSubscription, subscriptionInput } from '@/lib/notify/push-subscriptions';
import { pushUnsubscribeBody } from '@/lib/api/route-inputs';

/** Registers this browser's push subscription for the signed-in user (called by the settings page and push-sw.js). */
export const POST = route(async ({ req, user }) => {
  const input = await readJson(req, subscriptionInput);
  const db = await getDb();
  await saveSubscription(db, user.id, input, await now(db));
  return NextResponse.json({ ok: true }, { status: 201 });
}, { permission: 'signed-in' });

export const DELETE = route(async ({ req, user }) => {
  const { endpoint } = await readJson(req, pushUnsubscribeBody);
  await removeSubscription(await getDb(), user.id, endpoint);
  return new NextResponse(null, { status: 204 });
}, { permission: 'signed-in' });
