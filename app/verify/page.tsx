import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslator } from '@/lib/i18n/server';
import { FileCheck } from './file-check';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('record.pageTitle') };
}

/** Checking a record from its PDF file, without a QR scanner. */
export default async function VerifyPage() {
  const { t } = await getTranslator();
  return (
    <>
      <h1>{t('record.pageTitle')}</h1>
      <p className="muted">{t('record.privacy')}</p>
      <FileCheck
        labels={{ title: t('record.checkFile'), hint: t('record.checkFileHint'), choose: t('record.chooseFile'), unreadable: t('record.fileUnreadable'), checking: t('record.checking') }}
      />
      <p>
        <Link href="/">{t('record.home')}</Link>
      </p>
    </>
  );
}
