import { NextResponse } from 'next/server';
import { publicRoute } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { completeDormRepairJob } from '@/lib/integrations/complete-dorm-repair-job';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '@/lib/integrations/signature';

/** The maintenance system reports a job done; authenticated by the HMAC signature, not a session. */
export const POST = publicRoute(async ({ req }) => {
  const db = await getDb();
  const result = await completeDormRepairJob(
    db,
    { body: await req.text(), timestamp: req.headers.get(TIMESTAMP_HEADER), signature: req.headers.get(SIGNATURE_HEADER) },
    env().dormRepairWebhook.secret,
    await now(db),
  );
  return NextResponse.json(result);
});
