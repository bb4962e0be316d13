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
