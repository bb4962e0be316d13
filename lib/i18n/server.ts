import { cookies, headers } from 'next/headers';
import { LOCALE_COOKIE, negotiateLocale, translator, type Locale, type Translator } from './translate';

/** The request's locale: the `locale` cookie, else Accept-Language, else Chinese. */
export async function getLocale(): Promise<Locale> {
  const [c, h] = await Promise.all([cookies(), headers()]);
  return negotiateLocale(c.get(LOCALE_COOKIE)?.value, h.get('accept-language'));
}

export async function getTranslator(): Promise<{ locale: Locale; t: Translator }> {
  const locale = await getLocale();
  return { locale, t: translator(locale) };
}
