import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { pushDataset } from '@/lib/campus/push-dataset';
import { readJsonBody } from '@/lib/campus/read-json-body';

/** Idempotent by natural keys; all rows or none (the report lists every bad row). An API token with dataset:{id} only. */
export const PUT = route<{ dataset: string }>(
  async ({ req, params, locale, user }) => {
    const report = await pushDataset(user, params.dataset, await readJsonBody(req));
    if (report.applied) return NextResponse.json(report);
    const message =
      locale === 'zh'
        ? `${report.errorCount} 行数据有误，本次推送未写入任何数据，请修正后重新推送`
        : `${report.errorCount} rows are invalid; nothing was applied. Fix them and push again`;
    return NextResponse.json({ error: { code: 'INVALID_INPUT', message }, report }, { status: 400 });
  },
  { permission: 'dataset.push' },
);
