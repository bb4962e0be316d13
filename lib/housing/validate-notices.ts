import { inArray } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { users } from '@/db/schema';
import { housingNoticeFormSchema, type HousingNoticeForm } from '@/workflows/housing-payment-notice/form';
import { parseCsv } from './parse-csv';

export interface RowError {
  line: number;
  message: string;
}

export interface ValidNotice {
  line: number;
  form: HousingNoticeForm;
  tenant: { id: string; name: string; orgUnitId: string };
}

const HEADER = /^(tenant|租户|租户工号|工号)$/i;
export const MAX_NOTICES = 5000;

/**
 * Validates a whole notice list before anything is written: each row's fields, duplicate rows
 * (same tenant, room and period), and that every tenant is an active account. Errors carry the
 * CSV line numbers; an empty error list means every row can be issued.
 */
export async function validateNotices(db: Queryable, csv: string): Promise<{ notices: ValidNotice[]; errors: RowError[] }> {
  const rows = parseCsv(csv);
  if (rows[0] && HEADER.test(rows[0].cells[0] ?? '')) rows.shift();
  const errors: RowError[] = [];
  if (rows.length === 0) return { notices: [], errors: [{ line: 0, message: '没有可发送的通知：请粘贴或上传 CSV' }] };
  if (rows.length > MAX_NOTICES) return { notices: [], errors: [{ line: 0, message: `一次最多发送 ${MAX_NOTICES} 条通知` }] };

  const parsed: Array<{ line: number; form: HousingNoticeForm }> = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    if (cells.length !== 5) {
      errors.push({ line, message: `应有 5 列（租户工号, 房号, 缴费期间, 金额, 截止日期），实际 ${cells.length} 列` });
      continue;
    }
    const [tenant, room, period, amount, dueDate] = cells;
    const result = housingNoticeFormSchema.safeParse({ tenant, room, period, amount, dueDate });
    if (!result.success) {
      errors.push({ line, message: result.error.issues.map((i) => i.message).join('；') });
      continue;
    }
    const key = `${result.data.tenant}\u0000${result.data.room}\u0000${result.data.period}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ line, message: `与第 ${first} 行重复（同一租户、房号和缴费期间）` });
      continue;
    }
    seen.set(key, line);
    parsed.push({ line, form: result.data });
  }

  const usernames = [...new Set(parsed.map((p) => p.form.tenant))];
  const found = usernames.length
    ? await db
        .select({ id: users.id, username: users.username, name: users.name, orgUnitId: users.orgUnitId, active: users.active })
        .from(users)
        .where(inArray(users.username, usernames))
    : [];
  const byUsername = new Map(found.filter((u) => u.active).map((u) => [u.username, u]));
  const notices: ValidNotice[] = [];
  for (const p of parsed) {
    const tenant = byUsername.get(p.form.tenant);
    if (!tenant) errors.push({ line: p.line, message: `找不到租户 ${p.form.tenant}` });
    else notices.push({ ...p, tenant: { id: tenant.id, name: tenant.name, orgUnitId: tenant.orgUnitId } });
  }
  errors.sort((a, b) => a.line - b.line);
  return { notices, errors };
}
