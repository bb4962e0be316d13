import Link from 'next/link';
import { notFound } from 'next/navigation';
import { eq } from 'drizzle-orm';
import { orgUnits } from '@/db/schema';
import { requireUserPage } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import { findDefinition, mayStart } from '@/lib/processes/find-definition';

export default async function ServiceGuidePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUserPage();
  const { id } = await params;
  const definition = findDefinition(id);
  if (!definition) notFound();
  const { t, locale } = await getTranslator();
  const [owner] = await (await getDb()).select().from(orgUnits).where(eq(orgUnits.id, definition.ownerOrgUnitId));
  const audience = definition.audience.cadreOnly
    ? t('services.cadre')
    : definition.audience.kinds.map((k) => t(k === 'student' ? 'services.student' : 'services.staff')).join('、');
  return (
    <>
      <h1>{pick(definition.title, locale)}</h1>
      <section className="card">
        <p>{pick(definition.summary, locale)}</p>
        <dl className="facts">
          <dt>{t('services.audience')}</dt>
          <dd>{audience}</dd>
          <dt>{t('services.department')}</dt>
          <dd>{owner ? (locale === 'zh' ? owner.nameZh : owner.nameEn) : ''}</dd>
        </dl>
        <div className="actions">
          {mayStart(definition, user) ? (
            <Link className="btn" href={`/services/${definition.id}/apply`}>
              {t('services.start')}
            </Link>
          ) : (
            <p className="alert info">{t('services.notOpen')}</p>
          )}
        </div>
      </section>
    </>
  );
}
