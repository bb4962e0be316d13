'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { LOCALE_COOKIE } from '@/lib/i18n/translate';

const schema = z.enum(['zh', 'en']);

/** Remembers the chosen language for a year; needs no login (it is not personal data). */
export async function setLocale(form: FormData): Promise<void> {
  const locale = schema.safeParse(form.get('locale'));
  if (locale.success) {
    (await cookies()).set(LOCALE_COOKIE, locale.data, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
  }
  const referer = (await headers()).get('referer');
  const back = referer ? new URL(referer) : null;
  redirect(back ? `${back.pathname}${back.search}` : '/');
}
