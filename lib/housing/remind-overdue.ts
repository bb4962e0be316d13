import type { Db } from '@/db/client';
import type { Actor } from '@/workflows/engine/actor';
import { isAppError } from '@/workflows/engine/errors';
import { remindApplicant } from '@/workflows/engine/instance-ops';
import { authorize } from '../policy';
import type { BatchKey } from './batch-key';
import { loadHousingBatch } from './ledger';

export interface RemindResult {
  /** Tenants reminded now. */
  reminded: number;
  /** Overdue tenants already reminded today, or who paid meanwhile. */
  skipped: number;
}

const REMINDER_NOTE = '您的周转房缴费已超过截止日期，请尽快缴费并上传缴费凭证。';

/**
 * 催缴: every overdue tenant of a batch gets one reminder (one message, through the outbox),
 * each notice in its own transaction through the engine (planRemindApplicant), so the log shows
 * who reminded whom and when. A notice reminded today, or paid since the page was loaded, is
 * skipped rather than failing the whole run.
 */
export async function remindOverdueTenants(db: Db, actor: Actor, key: BatchKey, now: Date): Promise<RemindResult> {
  authorize(actor, 'housing.ledger');
  const rows = await loadHousingBatch(db, actor, key, now);
  let reminded = 0;
  let skipped = 0;
  for (const row of rows.filter((r) => r.overdue)) {
    if (row.remindedToday) {
      skipped++;
      continue;
    }
    try {
      await remindApplicant(db, { instanceId: row.instanceId, actor, reason: REMINDER_NOTE, now });
      reminded++;
    } catch (error) {
      if (!isAppError(error) || !['RATE_LIMITED', 'EVENT_NOT_ALLOWED', 'CONFLICT'].includes(error.code)) throw error;
      skipped++;
    }
  }
  return { reminded, skipped };
}
