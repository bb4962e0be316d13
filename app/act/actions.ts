'use server';

import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { getTranslator } from '@/lib/i18n/server';
import { actFromLink } from '@/lib/notify/act-from-link';

const schema = z.object({
  token: z.string().min(10).max(200),
  type: z.string().min(1).max(64).regex(/^[A-Za-z_.-]+$/),
  comment: z.string().trim().max(2000).optional(),
});

export interface ActState {
  done?: { instanceId: string; type: string };
  error?: string;
}

/**
 * The confirmation page's button: acts once, through the engine, as the signed-in user. The
 * signed link names its person (checked first); sendInstanceEvent then authorizes instance.act.
 */
export const actOnLink = action(
  z.object({ token: z.unknown(), type: z.unknown(), comment: z.unknown() }).loose(),
  async (raw, { user }): Promise<ActState> => {
    const { t, locale } = await getTranslator();
    const parsed = schema.safeParse({ token: raw.token, type: raw.type, comment: raw.comment || undefined });
    if (!parsed.success) return { error: t('notify.act.problem.invalid') };
    const result = await actFromLink(user, parsed.data.token, parsed.data.type, parsed.data.comment, locale);
    if (result.ok) return { done: { instanceId: result.instanceId, type: parsed.data.type } };
    if (result.problem === 'engine') return { error: result.message };
    return { error: t(`notify.act.problem.${result.problem}`) };
  },
  { permission: 'signed-in', onError: (p): ActState => ({ error: p.message }) },
);
