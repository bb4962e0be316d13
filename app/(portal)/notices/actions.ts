'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { action } from '@/lib/actions/action';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { toErrorBody } from '@/lib/errors';
import { getTranslator } from '@/lib/i18n/server';
import { acknowledgeNotice } from '@/lib/notify/notices/read-notice';
import { parseIdList } from '@/lib/notify/notices/resolve-recipients';
import { noticeInput, previewNotice, sendNotice } from '@/lib/notify/notices/send-notice';
import { offeredChannels } from '@/lib/notify/preferences';
import { authorize } from '@/lib/policy';

export interface NoticeFormState {
  preview?: { count: number; unknown: string[] };
  error?: string;
  fields?: Record<string, string>;
}

function readTarget(form: FormData) {
  const kind = String(form.get('targetKind') ?? '');
  if (kind === 'org') return { kind, orgUnitId: String(form.get('orgUnitId') ?? '') };
  if (kind === 'role') return { kind, role: String(form.get('role') ?? ''), orgUnitId: String(form.get('roleOrgUnitId') ?? '') || undefined };
  return { kind, usernames: parseIdList(String(form.get('list') ?? '')) };
}

/**
 * Preview (count, unknown ids) or send, as the button pressed says. Both decide the same draft
 * (notice.send: whom, and whether urgent) before counting anyone.
 */
export const noticeAction = action(
  z.object({}).loose(),
  async (_input, { user, form }): Promise<NoticeFormState> => {
    authorize(user, 'notice.compose');
    const { t, locale } = await getTranslator();
    const parsed = noticeInput.safeParse({
      title: form.get('title'),
      body: form.get('body'),
      attachmentId: form.get('attachmentId') || undefined,
      requiresAck: form.get('requiresAck') === 'on',
      urgent: form.get('urgent') === 'on',
      target: readTarget(form),
    });
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        const tooBig = issue.code === 'too_big';
        fields[key] ??= tooBig ? t('notify.notices.tooLarge') : t('errors.INVALID_INPUT');
      }
      return { error: t('errors.INVALID_INPUT'), fields };
    }
    const db = await getDb();
    let sent;
    try {
      if (form.get('intent') === 'preview') return { preview: await previewNotice(db, user, parsed.data) };
      const cfg = env().notify;
      sent = await sendNotice(db, user, parsed.data, {
        channels: offeredChannels(cfg),
        quietHours: cfg.quietHours,
        now: await now(db),
      });
    } catch (error) {
      return { error: toErrorBody(error, locale).body.error.message };
    }
    revalidatePath('/notices');
    const q = new URLSearchParams({ sent: String(sent.count) });
    if (sent.unknown.length) {
      q.set('unknown', sent.unknown.slice(0, 50).join(','));
      q.set('unknownCount', String(sent.unknown.length));
    }
    redirect(`/notices/${sent.noticeId}?${q}`);
  },
  { permission: 'notice.compose', onError: (p): NoticeFormState => ({ error: p.message, fields: p.fields }) },
);

/** A recipient confirms they have read a notice that asks for it. */
export const acknowledgeNoticeAction = action(
  z.object({ id: z.uuid() }),
  async ({ id }, { user }) => {
    const db = await getDb();
    await acknowledgeNotice(db, user, id, await now(db));
    revalidatePath(`/notices/${id}`);
  },
  { permission: 'notice.read' },
);
