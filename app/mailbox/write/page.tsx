import type { Metadata } from 'next';
import { env } from '@/lib/env';
import { getTranslator } from '@/lib/i18n/server';
import { LETTER_CATEGORIES } from '@/workflows/presidents-mailbox/form';
import { LetterForm } from './letter-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('mailbox.write') };
}

export default async function WritePage() {
  const { t } = await getTranslator();
  const labels = {
    category: t('mailbox.category'),
    categories: LETTER_CATEGORIES.map((c) => ({ value: c, label: t(`mailbox.categories.${c}`) })),
    subject: t('mailbox.subject'),
    content: t('mailbox.content'),
    contentHint: t('mailbox.contentHint'),
    anonymous: t('mailbox.anonymous'),
    name: t('mailbox.name'),
    contact: t('mailbox.contact'),
    contactHint: t('mailbox.contactHint'),
    consent: t('mailbox.consent'),
    website: t('mailbox.website'),
    submit: t('mailbox.submit'),
    submitting: t('mailbox.submitting'),
    networkError: t('mailbox.networkError'),
    sentTitle: t('mailbox.sentTitle'),
    sentKeep: t('mailbox.sentKeep'),
    trackingLink: t('mailbox.trackingLink'),
    queryCode: t('mailbox.queryCode'),
    copy: t('mailbox.copy'),
    copied: t('mailbox.copied'),
    open: t('mailbox.open'),
    qr: t('mailbox.qr'),
    attachments: {
      add: t('mailbox.attachmentsAdd'),
      hint: t('mailbox.attachmentsHint'),
      uploading: t('mailbox.attachmentUploading'),
      uploaded: t('mailbox.attachmentUploaded'),
      remove: t('mailbox.attachmentRemove'),
      errorType: t('mailbox.attachmentErrors.type'),
      errorSize: t('mailbox.attachmentErrors.size'),
      errorCount: t('mailbox.attachmentErrors.count'),
      networkError: t('mailbox.networkError'),
    },
  };
  return (
    <>
      <h1>{t('mailbox.write')}</h1>
      <p className="muted">{t('mailbox.limits')}</p>
      <LetterForm labels={labels} maxBytes={env().uploadMaxBytes} />
    </>
  );
}
