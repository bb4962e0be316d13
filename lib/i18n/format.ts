import type { Locale } from './translate';

// A DateTimeFormat costs far more to build than to use (locale data, time-zone rules): the
// profile of 待办 showed building one per row as ~7 % of the page. One per locale and style.
const zone = { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' } as const;
const formatters = {
  dateTime: {
    zh: new Intl.DateTimeFormat('zh-CN', { ...zone, hour: '2-digit', minute: '2-digit', hour12: false }),
    en: new Intl.DateTimeFormat('en-GB', { ...zone, hour: '2-digit', minute: '2-digit', hour12: false }),
  },
  date: { zh: new Intl.DateTimeFormat('zh-CN', zone), en: new Intl.DateTimeFormat('en-GB', zone) },
};

/** Dates as the campus reads them: China Standard Time, in the reader's language. */
export function formatDateTime(iso: string, locale: Locale): string {
  return formatters.dateTime[locale === 'zh' ? 'zh' : 'en'].format(new Date(iso));
}

export function formatDate(iso: string, locale: Locale): string {
  return formatters.date[locale === 'zh' ? 'zh' : 'en'].format(new Date(iso));
}

const monthDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' });
const monthDayEn = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric' });

/** A day as a deadline reads in a sentence: 12 月 10 日 / 10 December (China Standard Time). */
export function formatMonthDay(iso: string, locale: Locale): string {
  if (locale !== 'zh') return monthDayEn.format(new Date(iso));
  const parts = monthDay.formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')} 月 ${part('day')} 日`;
}

const yuan = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Money as people read a statement: the sign before the currency (-¥32.00, never ¥-32.00),
 * thousands grouped, two decimals. Accepts yuan as a number or as the decimal string a form stores.
 */
export function formatMoney(amount: number | string): string {
  const n = typeof amount === 'string' ? Number(amount) : amount;
  if (!Number.isFinite(n)) return String(amount);
  const text = yuan.format(Math.abs(n));
  return `${n < 0 && text !== '0.00' ? '-' : ''}¥${text}`;
}
