import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { housingBatchQuery } from '@/lib/api/route-inputs';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { batchCsv } from '@/lib/housing/batch-csv';
import { loadHousingBatch } from '@/lib/housing/ledger';
import { parseInput } from '@/workflows/engine/validate';

/** GET ?period&dueDate[&format=csv]: one batch of 周转房缴费通知, tenant by tenant (none: an empty list). */
export const GET = route(async ({ req, user }) => {
  const { format, ...key } = parseInput(housingBatchQuery, Object.fromEntries(req.nextUrl.searchParams));
  const db = await getDb();
  const tenants = await loadHousingBatch(db, user, key, await now(db));
  if (format === 'csv') {
    return new NextResponse(batchCsv(key, tenants), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="housing-${key.dueDate}.csv"; filename*=UTF-8''${encodeURIComponent(`周转房缴费-${key.period}-${key.dueDate}.csv`)}`,
        'Cache-Control': 'no-store',
      },
    });
  }
  return NextResponse.json({ ...key, tenants }, { headers: { 'Cache-Control': 'no-store' } });
}, { permission: 'housing.ledger' });
