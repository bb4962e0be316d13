'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import { preferencesInput, savePreferences } from '@/lib/notify/preferences';

export interface PrefsState {
  saved?: boolean;
  error?: string;
}

/** Saves the caller's own channel choices and opt-outs (only ever the caller's row). */
export const savePreferencesAction = action(
  z.object({}).loose(),
  async (_input, { user, form }): Promise<PrefsState> => {
    const { t } = await getTranslator();
    const kinds = form.getAll('kind').map(String);
    const parsed = preferencesInput.safeParse({
      channels: form.getAll('channel').map(String),
      // The form lists the kinds to receive; what is stored is what was switched off.
      mutedKinds: form.getAll('offered-kind').map(String).filter((k) => !kinds.includes(k)),
      digest: form.get('digest') === 'on',
    });
    if (!parsed.success) return { error: t('errors.INVALID_INPUT') };
    const db = await getDb();
    await savePreferences(db, user.id, parsed.data, await now(db));
    revalidatePath('/me/notifications');
    return { saved: true };
  },
  { permission: 'signed-in', onError: (p): PrefsState => ({ error: p.message }) },
);
