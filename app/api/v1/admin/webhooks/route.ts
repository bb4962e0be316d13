import { NextResponse } from 'next/server';
import { readJson, route } from '@/lib/api/route';
import { getDb } from '@/lib/db';
import { registerWebhook, webhookSchema } from '@/lib/webhooks/manage-webhooks';

export const POST = route(async ({ req, user }) =>
  NextResponse.json(await registerWebhook(await getDb(), user, await readJson(req, webhookSchema)), { status: 201 }),
  { permission: 'admin.integrations' },
);
