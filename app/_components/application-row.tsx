import Link from 'next/link';
import { formatDateTime } from '@/lib/i18n/format';
import { pick, type Locale, type Translator } from '@/lib/i18n/translate';
import type { ApplicationItem } from '@/lib/instances/list-applications';
import { StatusChip } from './status-chip';

/** One of my applications in a list (home page, 我的申请): title, current step, last change, status. */
export function ApplicationRow({ app, t, locale }: { app: ApplicationItem; t: Translator; locale: Locale }) {
  return (
    <li>
      <Link className="list-link" href={`/applications/${app.id}`}>
        <span className="grow">
          <span className="title">{pick(app.title, locale)}</span>
          <span className="sub">
            {app.caseNo ? `${app.caseNo} · ` : ''}
            {t('portal.currentStep', { step: pick(app.stepLabel, locale) })} · {formatDateTime(app.updatedAt, locale)}
          </span>
        </span>
        <StatusChip status={app.status} t={t} />
      </Link>
    </li>
  );
}
