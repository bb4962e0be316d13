import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { adminImportCsv } from '@/lib/campus/admin-import';

/** CSV import by an admin: 200 with the report when applied, 400 with the report when not. */
export const POST = route<{ dataset: string }>(async ({ req, params, user }) => {
  const report = await adminImportCsv(req, user, params.dataset);
  return NextResponse.json(report, { status: report.applied ? 200 : 400 });
}, { permission: 'admin.integrations' });
