import { z } from 'zod';
import type { ApplicationWindow } from '@/db/schema';
import { AppError } from './errors';
import type { Label } from './types';

/**
 * Application windows of catalog entries (catalog_services.application_window): when a service
 * takes applications, as the guide states it (医保不参保: 每年 9 月 30 日前). Pure: the start path
 * (start-instance.ts) refuses outside it, the guide page shows it and the next one.
 */
const monthDay = z
  .string()
  .trim()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 月-日，如 09-30');

export const applicationWindowSchema = z.object({ opens: monthDay.optional(), closes: monthDay });

export type WindowState =
  /** Open now; `closes` is the last day ('YYYY-MM-DD', China Standard Time). */
  | { open: true; closes: string }
  /** Closed now; the next window, both days included. */
  | { open: false; opens: string; closes: string };

const cstDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export function windowState(w: ApplicationWindow, now: Date): WindowState {
  const today = cstDay(now);
  const year = Number(today.slice(0, 4));
  const md = today.slice(5);
  const opens = w.opens ?? '01-01';
  // 11-01 … 02-28: the window spans the turn of the year.
  const wraps = opens > w.closes;
  const inside = wraps ? md >= opens || md <= w.closes : md >= opens && md <= w.closes;
  if (inside) return { open: true, closes: `${wraps && md >= opens ? year + 1 : year}-${w.closes}` };
  const openYear = md < opens ? year : year + 1;
  return { open: false, opens: `${openYear}-${opens}`, closes: `${wraps ? openYear + 1 : openYear}-${w.closes}` };
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const mdZh = (md: string) => `${Number(md.slice(0, 2))} 月 ${Number(md.slice(3))} 日`;
const mdEn = (md: string) => `${Number(md.slice(3))} ${MONTHS_EN[Number(md.slice(0, 2)) - 1]}`;
const dayZh = (d: string) => `${d.slice(0, 4)} 年 ${mdZh(d.slice(5))}`;
const dayEn = (d: string) => `${mdEn(d.slice(5))} ${d.slice(0, 4)}`;

/** The window in words: 每年 9 月 30 日前 / 每年 9 月 1 日至 9 月 30 日. */
export function describeWindow(w: ApplicationWindow): Label {
  if (!w.opens || w.opens === '01-01') return { zh: `每年 ${mdZh(w.closes)}前`, en: `By ${mdEn(w.closes)} each year` };
  return { zh: `每年 ${mdZh(w.opens)}至 ${mdZh(w.closes)}`, en: `${mdEn(w.opens)} to ${mdEn(w.closes)} each year` };
}

/** Why a start is refused now, naming the next window. */
export function closedMessage(w: ApplicationWindow, next: { opens: string; closes: string }): Label {
  return {
    zh: `不在申请时间内：本事项${describeWindow(w).zh}受理。下次申请时间为 ${dayZh(next.opens)}至 ${dayZh(next.closes)}`,
    en: `Applications are closed: this service takes them ${describeWindow(w).en.replace(/^By/, 'by')}. The next window is ${dayEn(next.opens)} to ${dayEn(next.closes)}.`,
  };
}

/** Throws when `now` lies outside the window (a 422 with the next window in words). */
export function assertInsideWindow(processId: string, w: ApplicationWindow | null | undefined, now: Date): void {
  if (!w) return;
  const state = windowState(w, now);
  if (state.open) return;
  throw new AppError('EVENT_NOT_ALLOWED', `application window of ${processId} is closed until ${state.opens}`, closedMessage(w, state), {
    opens: state.opens,
    closes: state.closes,
  });
}
