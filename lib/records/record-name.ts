import type { Label } from '@/workflows/engine/types';
import { pick, translator, type Locale } from '../i18n/translate';

/** The process of a record as the naming needs it (InstanceView.process). */
export interface RecordProcess {
  title: Label;
  /** A notice a department sent (周转房缴费通知), not something the person applied for. */
  issued: boolean;
}

/**
 * What a record is called: 审批记录 for an application; an issued notice approves nothing, so its
 * record is named after the notice (周转房缴费通知记录).
 */
export function recordName(process: RecordProcess, locale: Locale): string {
  const t = translator(locale);
  return process.issued ? t('record.noticeName', { process: pick(process.title, locale) }) : t('record.approvalName');
}

/** The PDF's file name, Chinese as the school files it whatever the page's language. */
export function recordFileName(process: RecordProcess, caseNo: string): string {
  return `${recordName(process, 'zh')}-${caseNo}.pdf`;
}

/** The download button's words and the file it saves (app/_components/record-download.tsx). */
export function recordDownloadLabels(process: RecordProcess, caseNo: string, locale: Locale) {
  const t = translator(locale);
  const name = recordName(process, locale);
  return {
    download: t('record.download', { name }),
    generating: t('record.generating', { name }),
    done: t('record.downloaded', { name }),
    failed: t('record.failed', { name }),
    fileName: recordFileName(process, caseNo),
  };
}
