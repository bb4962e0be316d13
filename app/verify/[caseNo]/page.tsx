import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { getDb } from '@/lib/db';
import { isAppError, toErrorBody } from '@/lib/errors';
import { getTranslator } from '@/lib/i18n/server';
import { assertVerifyAllowed } from '@/lib/records/verify-limit';
import { verifyRecord, type RecordCheck } from '@/lib/records/verify-record';
import { FileCheck } from '../file-check';
import { RecordVerdict } from '../record-check';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('record.pageTitle') };
}

/**
 * Where an approval record's QR code leads: anyone, without logging in, learns whether the
 * record with this case number and fingerprint (?h=) exists unchanged — and nothing personal.
 */
export default async function VerifyRecordPage({ params, searchParams }: { params: Promise<{ caseNo: string }>; searchParams: Promise<{ h?: string | string[] }> }) {
  const [{ caseNo }, query, { t, locale }] = await Promise.all([params, searchParams, getTranslator()]);
  const hash = typeof query.h === 'string' ? query.h : '';
  let check: RecordCheck | null = null;
  let refusal: string | null = null;
  try {
    const db = await getDb();
    await assertVerifyAllowed(db, await headers());
    check = await verifyRecord(db, decodeURIComponent(caseNo), hash);
  } catch (error) {
    if (!isAppError(error)) throw error;
    // 无法核验 says it in the page's own words; a rate limit says its own.
    if (error.code !== 'NOT_FOUND') refusal = toErrorBody(error, locale).body.error.message;
  }
  return (
    <>
      <h1>{t('record.pageTitle')}</h1>
      <RecordVerdict check={check} refusal={refusal} t={t} locale={locale} />
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
