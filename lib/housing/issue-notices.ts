import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { Actor } from '@/workflows/engine/actor';
import { loadWorkingCalendar } from '@/workflows/engine/calendar';
import { AppError } from '@/workflows/engine/errors';
import { authorize } from '../policy';
import { startIssuedInstances } from '@/workflows/engine/start-issued-instances';
import { getDefinition } from '@/workflows/registry';
import { validateNotices, type RowError } from './validate-notices';

export const PROCESS_ID = 'housing-payment-notice';
export const CHUNK = 200;
/** Serialises issuing calls (advisory lock key). */
const ISSUE_LOCK = 'housing-payment-notice:issue';

export interface IssueRequest {
  csv: string;
  /** Validate only (the first call of the page, to show the count or the errors). */
  dryRun?: boolean;
  /** Issue rows [from, from + CHUNK) of the valid list: the page calls chunk by chunk to show progress. */
  from?: number;
}

export interface IssueResult {
  total: number;
  issued: number;
  next: number | null;
}

function rowErrors(errors: RowError[]): AppError {
  const shown = errors.slice(0, 50);
  const text = shown.map((e) => (e.line ? `第 ${e.line} 行：${e.message}` : e.message)).join('\n');
  return new AppError('INVALID_INPUT', `notice list has ${errors.length} errors`, { zh: text, en: `${errors.length} rows are invalid:\n${text}` }, { rows: errors });
}

/**
 * 资产管理处 issues 周转房缴费通知: the whole list is validated on every call (so a single bad
 * row means nothing is written), then one chunk is written in one transaction, one instance
 * per tenant, each on the tenant's behalf.
 *
 * Validation and writing share the transaction, behind a lock every issuing call takes: two
 * runs of the same list at once (two clerks, a double click) cannot both pass the check for
 * notices already issued — the second waits, then finds the first's notices and is refused.
 */
export async function issueHousingNotices(db: Db, actor: Actor, req: IssueRequest, now: Date): Promise<IssueResult> {
  // Issued processes (audience.issuedBy): process.start is the issuing department's right.
  authorize(actor, 'process.start', { kind: 'process', definition: getDefinition(PROCESS_ID) });
  const from = req.from ?? 0;
  if (req.dryRun) {
    const { notices, errors } = await validateNotices(db, req.csv, { issuedFrom: from });
    if (errors.length > 0) throw rowErrors(errors);
    return { total: notices.length, issued: 0, next: 0 };
  }
  const calendar = await loadWorkingCalendar(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${ISSUE_LOCK}))`);
    const { notices, errors } = await validateNotices(tx, req.csv, { issuedFrom: from });
    if (errors.length > 0) throw rowErrors(errors);
    const chunk = notices.slice(from, from + CHUNK);
    await startIssuedInstances(tx, { processId: PROCESS_ID, actor, items: chunk.map((n) => ({ applicant: n.tenant, input: n.form })), now, calendar });
    const next = from + chunk.length;
    return { total: notices.length, issued: next, next: next < notices.length ? next : null };
  });
}
