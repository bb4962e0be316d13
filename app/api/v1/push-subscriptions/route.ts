import { NextResponse } from 'next/server';
import { z } from 'zod';
import { readJson, userRoute } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { removeSubscription, saveSubscription, subscriptionInput } from '@/lib/notify/push-subscriptions';

/** Registers this browser's push subscription for the signed-in user (called by the settings page and push-sw.js). */
export const POST = userRoute(async ({ req, user }) => {
  const input = await readJson(req, subscriptionInput);
  const db = await getDb();
  await saveSubscription(db, user.id, input, await now(db));
  return NextResponse.json({ ok: true }, { status: 201 });
});

export const DELETE = userRoute(async ({ req, user }) => {
  const { endpoint } = await readJson(req, z.object({ endpoint: z.string().min(1).max(2000) }));
  await removeSubscription(await getDb(), user.id, endpoint);
  return new NextResponse(null, { status: 204 });
});
