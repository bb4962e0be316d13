import { en } from './en';
import { zh, type Messages } from './zh';

export type Locale = 'zh' | 'en';
export const LOCALES: Locale[] = ['zh', 'en'];
export const LOCALE_COOKIE = 'locale';

const DICTIONARIES: Record<Locale, Messages> = { zh, en };

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Messages>;

export type Translator = (key: MessageKey, params?: Record<string, string | number>) => string;

export function dictionary(locale: Locale): Messages {
  return DICTIONARIES[locale];
}

/** Looks a key up and fills `{name}` placeholders. */
export function translator(locale: Locale): Translator {
  const dict = DICTIONARIES[locale];
  return (key, params) => {
    let node: unknown = dict;
    for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
    const text = typeof node === 'string' ? node : key;
    return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
  };
}

/** Picks from a zh/en pair stored with data (process titles, state labels). */
export function pick(label: { zh: string; en: string }, locale: Locale): string {
  return label[locale];
}

/** The locale from a cookie value or an Accept-Language header; Chinese first. */
export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (cookie === 'zh' || cookie === 'en') return cookie;
  if (!acceptLanguage) return 'zh';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
