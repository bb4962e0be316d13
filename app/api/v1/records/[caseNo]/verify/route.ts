import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { getDb } from '@/lib/db';
import { assertVerifyAllowed } from '@/lib/records/verify-limit';
import { verifyRecord } from '@/lib/records/verify-record';

/** Public check of an approval record: case number + fingerprint → exists and unchanged, or a 404 无法核验. */
export const GET = route<{ caseNo: string }>(
  async ({ req, params }) => {
    const db = await getDb();
    await assertVerifyAllowed(db, req.headers);
    return NextResponse.json(await verifyRecord(db, params.caseNo, req.nextUrl.searchParams.get('h') ?? ''));
  },
  { permission: { public: 'approval record verification: answers only whether a case number and fingerprint match, no personal data; rate-limited per address' } },
);
