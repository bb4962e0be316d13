'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { LOCALE_COOKIE } from '@/lib/i18n/translate';

/** Remembers the chosen language for a year; needs no login (it is not personal data). */
export const setLocale = action(
  z.object({ locale: z.unknown() }).loose(),
  async (input) => {
    const locale = z.enum(['zh', 'en']).safeParse(input.locale);
    if (locale.success) {
      (await cookies()).set(LOCALE_COOKIE, locale.data, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
    }
    const referer = (await headers()).get('referer');
    const back = referer ? new URL(referer) : null;
    redirect(back ? `${back.pathname}${back.search}` : '/');
  },
  { permission: { public: 'the language choice, a cookie that is not personal data' } },
);
