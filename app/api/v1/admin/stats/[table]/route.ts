import { NextResponse } from 'next/server';
import { exportStatsTable } from '@/lib/admin/stats/export-table';
import { route } from '@/lib/api/route';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';

/** GET ?from&to&department&process[&format=csv]: one dashboard table. */
export const GET = route<{ table: string }>(async ({ req, params, user, locale }) => {
  const db = await getDb();
  const { table, csv } = await exportStatsTable(db, user, params.table, req.nextUrl.searchParams, locale, await now(db));
  if (req.nextUrl.searchParams.get('format') === 'csv') {
    const name = `${table.id}-${req.nextUrl.searchParams.get('from') ?? ''}-${req.nextUrl.searchParams.get('to') ?? ''}.csv`;
    return new NextResponse(csv, {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' },
    });
  }
  return NextResponse.json(table, { headers: { 'Cache-Control': 'no-store' } });
}, { permission: 'admin.monitor' });
