import { route } from '@/lib/api/route';
import { getDb } from '@/lib/db';
import { translator } from '@/lib/i18n/translate';
import { approvalRecord } from '@/lib/records/approval-record';
import { formsFor, genericFacts } from '../../../../../_forms/registry';

/** The record (PDF) of an application or an issued notice, for whoever may read it (getInstanceView decides). */
export const GET = route<{ id: string }>(
  async ({ params, user, locale }) => {
    const t = translator(locale);
    const record = await approvalRecord(await getDb(), user, params.id, locale, (view) => formsFor(view.process.id)?.facts(t, view, locale) ?? genericFacts(view));
    return new Response(record.bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="record-${record.caseNo}.pdf"; filename*=UTF-8''${encodeURIComponent(record.fileName)}`,
        'cache-control': 'private, no-store',
        'x-record-hash': record.hash,
      },
    });
  },
  { permission: 'instance.view' },
);
