import Link from 'next/link';
import { requireUserPage } from '@/lib/auth/current-user';
import { getTranslator } from '@/lib/i18n/server';
import './campus.css';

const TILES = ['timetable', 'grades', 'exams', 'calendar', 'invoice', 'card'] as const;

/** 掌上校园: the micro-services fed by the university's systems. */
export default async function CampusPage() {
  await requireUserPage();
  const { t } = await getTranslator();
  return (
    <>
      <h1>{t('integrations.campus.title')}</h1>
      <nav className="campus-tiles" aria-label={t('integrations.campus.title')}>
        {TILES.map((tile) => (
          <Link key={tile} href={`/campus/${tile}`}>
            {t(`integrations.campus.${tile}`)}
          </Link>
        ))}
      </nav>
    </>
  );
}
