import type { Queryable } from '@/db/client';
import { AppError } from '../engine/errors';
import type { PrivateTravelForm } from './form';

const cstDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * 证照已交回 cannot be recorded while the cadre is still travelling (before the trip's last day
 * on the engine's clock): the passport is needed to come back, so such a record would be a slip.
 */
export async function checkPrivateTravelEvent(_q: Queryable, e: { type: string; context: unknown; now: Date }): Promise<void> {
  if (e.type !== 'receivePassport') return;
  const { form } = e.context as { form: PrivateTravelForm };
  if (cstDay(e.now) < form.endDate) {
    throw new AppError('INVALID_INPUT', `trip ends ${form.endDate}: passport cannot be returned before`, {
      zh: `行程尚未结束（${form.endDate} 回国），不能登记证照已交回`,
      en: `The trip has not ended (back on ${form.endDate}); the passport cannot be recorded as returned yet`,
    });
  }
}
