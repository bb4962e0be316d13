import { notFound } from 'next/navigation';
import { requireUserPage } from '@/lib/auth/current-user';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import { findDefinition, mayStart } from '@/lib/processes/find-definition';
import { formsFor } from '../../../../_forms/registry';

export default async function ApplyPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUserPage();
  const { id } = await params;
  const definition = findDefinition(id);
  if (!definition) notFound();
  const { t, locale } = await getTranslator();
  return (
    <>
      <h1>{pick(definition.title, locale)}</h1>
      <section className="card">
        {!mayStart(definition, user) ? (
          <p className="alert info">{t('services.notOpen')}</p>
        ) : (
          (formsFor(definition.id)?.apply(t) ?? notFound())
        )}
      </section>
    </>
  );
}
