import Link from 'next/link';
import type { CatalogRow } from '@/lib/catalog/queries';
import { STATUS_LABELS } from '@/lib/catalog/labels';
import { findTheme } from '@/lib/catalog/themes';
import { pick, type Locale, type Translator } from '@/lib/i18n/translate';

/**
 * One service in a list: name, department and theme, and marks for sample / not-online entries
 * and, when the caller asked the policy, for the ones this person may start online.
 */
export function ServiceItem({
  service: s,
  department,
  t,
  locale,
  startable = false,
}: {
  service: CatalogRow;
  department: string;
  t: Translator;
  locale: Locale;
  startable?: boolean;
}) {
  const theme = findTheme(s.theme);
  return (
    <li>
      <Link className="list-link" href={`/services/${s.code}`}>
        <span className="grow">
          <span className="title">{locale === 'zh' ? s.nameZh : s.nameEn}</span>
          <span className="sub">
            {department}
            {theme ? ` · ${pick(theme, locale)}` : ''}
          </span>
        </span>
        {startable ? <span className="chip online">{t('applicant.applyOnline')}</span> : null}
        {s.status !== 'online' ? <span className="chip warn">{pick(STATUS_LABELS[s.status], locale)}</span> : null}
        {s.isSample ? <span className="chip sample">{t('portal.sample')}</span> : null}
      </Link>
    </li>
  );
}
