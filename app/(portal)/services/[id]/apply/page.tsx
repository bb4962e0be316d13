import { notFound } from 'next/navigation';
import { requireUserPage } from '@/lib/auth/current-user';
import { startableProcess } from '@/lib/catalog/access';
import { servicesForProcess } from '@/lib/catalog/queries';
import { windowStatus } from '@/lib/catalog/window-status';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { getDraft } from '@/lib/drafts/drafts';
import { prefillForm } from '@/lib/prefill/prefill-form';
import { colleaguesOf } from '@/lib/instances/people';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import { findDefinition } from '@/lib/processes/find-definition';
import { can } from '@/lib/policy';
import { formsFor } from '../../../../_forms/registry';

export default async function ApplyPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUserPage();
  const { id } = await params;
  const definition = findDefinition(id);
  if (!definition) notFound();
  const { t, locale } = await getTranslator();
  // A process listed in the catalog opens only through an entry the user may start from
  // (已上线, or 在测 for its testers); one not listed there keeps its audience rule alone.
  const db = await getDb();
  const entries = await servicesForProcess(db, definition.id);
  // A form that names a colleague (代理人) offers the applicant's department in its picker.
  const people = definition.personFields?.length ? await colleaguesOf(db, user) : [];
  const open = can(user, 'process.start', { kind: 'process', definition }) && (entries.length === 0 || entries.some((e) => startableProcess(e, user)));
  // The start path refuses outside the window (workflows/engine/application-window.ts); the form says so first.
  const closed = windowStatus(entries, await now(db))?.closed;
  // 草稿: the form resumes where the person left it (kept per person and process on the server).
  const draft = open && !closed ? await getDraft(db, user, definition.id) : null;
  // 一表通: what the hall knows about the person fills the form (a draft, if any, wins).
  const prefill = open && !closed ? await prefillForm(db, user.id, definition) : {};
  return (
    <>
      <h1>{pick(definition.title, locale)}</h1>
      <section className="card">
        {!open ? (
          <p className="alert info">{t('services.notOpen')}</p>
        ) : closed ? (
          <p className="alert info" data-testid="window-closed">
            {pick(closed, locale)}
          </p>
        ) : (
          (formsFor(definition.id)?.apply(t, { locale, people, draft, prefill }) ?? notFound())
        )}
      </section>
    </>
  );
}
