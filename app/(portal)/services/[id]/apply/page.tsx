import { notFound } from 'next/navigation';
import { requireUserPage } from '@/lib/auth/current-user';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import { findDefinition, mayStart } from '@/lib/processes/find-definition';
import { FitnessForm } from '../../../../_forms/fitness-form';
import { fitnessLabels } from '../../../../_forms/form-labels';

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
        ) : definition.id === 'fitness-test-exemption' ? (
          <FitnessForm labels={fitnessLabels(t)} />
        ) : (
          notFound()
        )}
      </section>
    </>
  );
}
