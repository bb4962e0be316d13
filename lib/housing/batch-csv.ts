import { toCsvText } from '../csv';
import { formatDateTime } from '../i18n/format';
import { translator } from '../i18n/translate';
import type { BatchKey } from './batch-key';
import type { TenantRow } from './ledger';

const when = (d: Date | null) => (d ? formatDateTime(d.toISOString(), 'zh') : '');

/** A batch as the office's spreadsheet: one row per tenant, in Chinese, through the one CSV writer. */
export function batchCsv(key: BatchKey, rows: TenantRow[]): string {
  const t = translator('zh');
  return toCsvText([
    ['流水号', '租户', '工号', '房号', '缴费期间', '金额（元）', '截止日期', '状态', '逾期', '确认收到时间', '上传凭证时间', '确认到账时间', '缴费凭证', '催缴次数', '最近催缴'],
    ...rows.map((r) => [
      r.caseNo,
      r.name,
      r.username,
      r.room,
      key.period,
      r.amount,
      key.dueDate,
      t(`housing.standing.${r.standing}`),
      r.overdue ? '是' : '否',
      when(r.acknowledgedAt),
      when(r.paidAt),
      when(r.confirmedAt),
      r.receipts.map((f) => f.filename).join('；'),
      r.reminders,
      when(r.lastRemindedAt),
    ]),
  ]);
}
