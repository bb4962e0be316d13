import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { instanceEvents } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { env } from '../env';
import { formatDateTime } from '../i18n/format';
import { pick, translator, type Locale } from '../i18n/translate';
import { getInstanceView, type InstanceView } from '../instances/get-instance-view';
import { roleLabel, statusLabel } from '../labels';
import { recordFileName, recordName } from './record-name';
import { renderRecordPdf, type RecordContent } from './record-pdf';

export interface ApprovalRecord {
  bytes: Uint8Array;
  caseNo: string;
  /** 审批记录-{流水号}.pdf, or the notice's record name for an issued notice. */
  fileName: string;
  /** The fingerprint: the hash of the last log entry the record covers. */
  hash: string;
  verifyUrl: string;
  /** What was printed, as data (tests read it: PDF text is glyph ids). */
  content: RecordContent;
}

/** The public verification address a record's QR code opens. */
export function verifyUrlOf(caseNo: string, hash: string): string {
  return `${env().appUrl}/verify/${encodeURIComponent(caseNo)}?h=${hash}`;
}

/**
 * The approval record (PDF) of one instance, for whoever may read it, as their audience sees it
 * (getInstanceView asks lib/policy: an anonymous letter's record names no writer; the writer of
 * a confidential process sees no staff names or internal comments). `formFacts` turns the form
 * into label/value pairs, the same ones the application page shows (app/_forms).
 */
export async function approvalRecord(
  db: Db,
  viewer: Actor,
  instanceId: string,
  locale: Locale,
  formFacts: (view: InstanceView) => Array<[string, string]>,
  now = new Date(),
): Promise<ApprovalRecord> {
  const view = await getInstanceView(db, viewer, instanceId);
  const last = view.timeline[view.timeline.length - 1];
  if (!view.caseNo || !last) throw new AppError('NOT_FOUND', `instance ${instanceId} has no case number or log`);
  // The fingerprint of exactly the entries printed (a step taken meanwhile is not in this record).
  const [entry] = await db
    .select({ hash: instanceEvents.hash })
    .from(instanceEvents)
    .where(and(eq(instanceEvents.instanceId, instanceId), eq(instanceEvents.seq, last.seq)));
  if (!entry) throw new AppError('NOT_FOUND', `instance ${instanceId} entry ${last.seq}`);

  const t = translator(locale);
  const when = (iso: string) => formatDateTime(iso, locale);
  const processTitle = pick(view.process.title, locale);
  const finished = view.status !== 'active';
  // An issued notice was sent to its recipient, not applied for: its record says so (as its page does).
  const issued = view.process.issued;
  const person = (role: string) => (issued && role === 'applicant' ? t('instance.recipient') : roleLabel(role)[locale]);
  const verifyUrl = verifyUrlOf(view.caseNo, entry.hash);
  const facts: Array<[string, string]> = [
    [t('record.caseNo'), view.caseNo],
    [t('record.process'), processTitle],
    [t('record.outcome'), pick(statusLabel(view.status), locale)],
    [issued ? t('instance.recipient') : t('record.applicant'), view.applicant ? `${view.applicant.name} · ${pick(view.applicant.orgName, locale)}` : t('record.anonymous')],
    [issued ? t('instance.issuedAt') : t('record.submittedAt'), when(view.createdAt)],
    ...(finished ? ([[t('record.finishedAt'), when(last.at)]] as Array<[string, string]>) : []),
    [t('record.generatedAt'), when(now.toISOString())],
  ];
  const content: RecordContent = {
    title: issued ? recordName(view.process, locale) : t('record.pdfTitle', { process: processTitle }),
    caseNo: view.caseNo,
    facts,
    formTitle: issued ? t('instance.notice') : t('record.form'),
    form: formFacts(view),
    attachmentsTitle: t('record.attachments'),
    attachments: view.attachments.map((a) => ({ name: a.filename, detail: t('record.size', { kb: Math.max(1, Math.ceil(a.size / 1024)) }), sha256: a.sha256 })),
    stepsTitle: t('record.steps'),
    steps: view.timeline.map((e) => ({
      heading: pick(e.action, locale),
      lines: [
        t('record.by', { who: `${e.actorName ?? t('record.system')} · ${person(e.actorRole)}` }),
        t('record.at', { when: when(e.at) }),
        t('record.to', { state: pick(e.toStateLabel, locale) }),
      ],
      opinion: e.comment ? t('record.opinion', { text: e.comment }) : null,
    })),
    none: t('record.none'),
    verifyTitle: t('record.verifyTitle'),
    qrCaption: t('record.scanToVerify'),
    verifyLines: [t('record.verifyLine1'), t('record.verifyLine2')],
    fingerprintLabel: t('record.fingerprint'),
    hash: entry.hash,
    verifyUrl,
    footer: (page, pages) => t('record.footer', { caseNo: view.caseNo!, page, pages }),
    createdAt: now,
  };
  return { bytes: await renderRecordPdf(content), caseNo: view.caseNo, fileName: recordFileName(view.process, view.caseNo), hash: entry.hash, verifyUrl, content };
}
