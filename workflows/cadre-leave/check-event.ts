import type { Queryable } from '@/db/client';
import { AppError } from '../engine/errors';
import type { CadreLeaveForm, ReportBack } from './form';

const cstDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

const invalid = (detail: string, zh: string, en: string) =>
  new AppError('INVALID_INPUT', detail, { zh, en }, { fields: { returnedOn: zh } });

/**
 * 销假 records the day the cadre was actually back: not before the leave began (that would be no
 * leave at all) and not after today on the engine's clock (a return cannot be reported ahead).
 */
export async function checkCadreLeaveEvent(_q: Queryable, e: { type: string; input: unknown; context: unknown; now: Date }): Promise<void> {
  if (e.type !== 'reportBack') return;
  const { form } = e.context as { form: CadreLeaveForm };
  const { returnedOn } = e.input as ReportBack;
  if (returnedOn < form.startDate) {
    throw invalid(
      `returnedOn ${returnedOn} before the leave began ${form.startDate}`,
      `实际返岗日期不能早于假期开始日期（${form.startDate}）`,
      `The return date cannot be before the leave began (${form.startDate})`,
    );
  }
  if (returnedOn > cstDay(e.now)) {
    throw invalid(`returnedOn ${returnedOn} is in the future`, '实际返岗日期不能晚于今天', 'The return date cannot be later than today');
  }
}
