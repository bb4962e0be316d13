import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { processInstances, users } from '@/db/schema';
import { housingNoticeFormSchema, type HousingNoticeForm } from '@/workflows/housing-payment-notice/form';
import { parseCsvRecords } from '@/lib/csv';

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
 * (same tenant, room and period), that every tenant is an active account, and that no notice for
 * the same tenant, room and period was issued before (withdrawn or cancelled ones aside). Errors
 * carry the CSV line numbers; an empty error list means every row can be issued.
 *
 * `issuedFrom`: a list is issued in chunks, each call re-validating it; rows before this index
 * were issued by earlier calls of the same run and are not duplicates of themselves.
 */
export async function validateNotices(
  db: Queryable,
  csv: string,
  { issuedFrom = 0 }: { issuedFrom?: number } = {},
): Promise<{ notices: ValidNotice[]; errors: RowError[] }> {
  // Cells are trimmed: a pasted list often has spaces after its commas.
  const rows = parseCsvRecords(csv).map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) }));
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
  errors.push(...(await alreadyIssued(db, notices.slice(issuedFrom))));
  errors.sort((a, b) => a.line - b.line);
  return { notices, errors };
}

/** Rows whose tenant already has a live or finished notice for the same room and period. */
async function alreadyIssued(db: Queryable, notices: ValidNotice[]): Promise<RowError[]> {
  if (notices.length === 0) return [];
  const earlier = await db
    .select({ applicantId: processInstances.applicantId, snapshot: processInstances.snapshot, status: processInstances.status })
    .from(processInstances)
    .where(
      and(
        eq(processInstances.processId, 'housing-payment-notice'),
        inArray(processInstances.applicantId, [...new Set(notices.map((n) => n.tenant.id))]),
      ),
    );
  const issued = new Set(
    earlier
      .filter((e) => e.status === 'active' || e.status === 'completed')
      .map((e) => {
        const form = (e.snapshot as { context?: { form?: HousingNoticeForm } }).context?.form;
        return `${e.applicantId}\u0000${form?.room}\u0000${form?.period}`;
      }),
  );
  return notices
    .filter((n) => issued.has(`${n.tenant.id}\u0000${n.form.room}\u0000${n.form.period}`))
    .map((n) => ({ line: n.line, message: `${n.form.tenant} 的 ${n.form.room} ${n.form.period} 缴费通知已发出过` }));
}
