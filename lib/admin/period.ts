import { z } from 'zod';
import { AppError } from '@/workflows/engine/errors';

export interface Period {
  from: Date;
  /** Exclusive. */
  to: Date;
  /** As the user wrote them (YYYY-MM-DD), for links and forms. */
  fromText: string;
  toText: string;
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00+08:00`)), '日期无效');

const DAY = 86_400_000;
const iso = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * A period of whole days in China time, from query parameters; the default is the last 365
 * days up to today. An end before the start is a 400, never an empty result.
 */
export function parsePeriod(params: { from?: string | null; to?: string | null }, now: Date, defaultDays = 365): Period {
  const toText = params.to ? parseDay(params.to, 'to') : iso(now);
  const fromText = params.from ? parseDay(params.from, 'from') : iso(new Date(now.getTime() - defaultDays * DAY));
  const from = new Date(`${fromText}T00:00:00+08:00`);
  const to = new Date(new Date(`${toText}T00:00:00+08:00`).getTime() + DAY);
  if (from.getTime() >= to.getTime()) {
    throw new AppError('INVALID_INPUT', `period ${fromText}..${toText}`, {
      zh: '结束日期不能早于开始日期',
      en: 'The end date cannot be before the start date',
    });
  }
  return { from, to, fromText, toText };
}

function parseDay(text: string, field: string): string {
  const r = day.safeParse(text);
  if (!r.success) {
    throw new AppError('INVALID_INPUT', `${field}=${text}`, { zh: `日期格式应为 YYYY-MM-DD：${text}`, en: `Dates are written YYYY-MM-DD: ${text}` });
  }
  return r.data;
}
