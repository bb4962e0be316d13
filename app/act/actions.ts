'use server';

import { z } from 'zod';
import { requireUser } from '@/lib/auth/current-user';
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

/** The confirmation page's button: acts once, through the engine, as the signed-in user. */
export async function actOnLink(_prev: ActState, form: FormData): Promise<ActState> {
  const user = await requireUser();
  const { t, locale } = await getTranslator();
  const parsed = schema.safeParse({
    token: form.get('token'),
    type: form.get('type'),
    comment: form.get('comment') || undefined,
  });
  if (!parsed.success) return { error: t('notify.act.problem.invalid') };
  const result = await actFromLink(user, parsed.data.token, parsed.data.type, parsed.data.comment, locale);
  if (result.ok) return { done: { instanceId: result.instanceId, type: parsed.data.type } };
  if (result.problem === 'engine') return { error: result.message };
  return { error: t(`notify.act.problem.${result.problem}`) };
}
