import Link from 'next/link';
import type { CatalogRow } from '@/lib/catalog/queries';
import { STATUS_LABELS } from '@/lib/catalog/labels';
import { findTheme } from '@/lib/catalog/themes';
import { pick, type Locale, type Translator } from '@/lib/i18n/translate';

/** One service in a list: name, department and theme, and marks for sample / not-online entries. */
export function ServiceItem({ service: s, department, t, locale }: { service: CatalogRow; department: string; t: Translator; locale: Locale }) {
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
        {s.status !== 'online' ? <span className="chip warn">{pick(STATUS_LABELS[s.status], locale)}</span> : null}
        {s.isSample ? <span className="chip sample">{t('portal.sample')}</span> : null}
      </Link>
    </li>
  );
}
