import Link from 'next/link';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { pick, type Locale, type Translator } from '@/lib/i18n/translate';
import { confirmationFor } from '@/lib/instances/confirmation';
import type { InstanceView } from '@/lib/instances/get-instance-view';
import { loadOrgNames, orgLabel, roleLabel } from '@/lib/labels';
import { ShowIfJustSubmitted } from './show-if-just-submitted';

/**
 * The confirmation right after submitting: the case number to quote, what happens next and by
 * when (the step's limit in working days and the date it falls due), whom to ask, and the links.
 */
export async function Confirmation({ view, t, locale }: { view: InstanceView; t: Translator; locale: Locale }) {
  const db = await getDb();
  const [c, orgs] = await Promise.all([confirmationFor(db, view), loadOrgNames(db)]);
  const owner = pick(orgLabel(orgs, c.ownerOrgUnitId), locale);
  return (
    <ShowIfJustSubmitted instanceId={view.id} focusId="confirmation-title">
      <section className="card confirmation" aria-labelledby="confirmation-title" data-testid="confirmation">
        <h2 id="confirmation-title" tabIndex={-1}>
          {t('applicant.submitted')}
        </h2>
        <dl className="facts">
          {c.caseNo ? (
            <>
              <dt>{t('applicant.caseNo')}</dt>
              <dd className="case-no-big">{c.caseNo}</dd>
            </>
          ) : null}
          <dt>{t('applicant.nextStep')}</dt>
          <dd>
            {c.steps.length === 0 ? (
              t('applicant.nothingWaits')
            ) : (
              <ul className="plain">
                {c.steps.map((s, i) => (
                  <li key={i}>
                    {t('applicant.stepBy', {
                      step: pick(s.stateLabel, locale),
                      who: `${s.orgName ? pick(s.orgName, locale) : ''}${pick(roleLabel(s.role), locale)}`,
                    })}
                    {s.workingDays ? t('applicant.within', { days: s.workingDays }) : ''}
                    {s.dueAt ? t('applicant.dueBy', { date: formatDateTime(s.dueAt, locale) }) : ''}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>{t('applicant.contact')}</dt>
          <dd>{c.contact ?? owner}</dd>
        </dl>
        <p className="muted">{t('applicant.keepCaseNo')}</p>
        <div className="actions">
          {/* A full load, not a client navigation: the page then opens without this confirmation. */}
          <a className="btn" href={`/applications/${view.id}`}>
            {t('applicant.viewApplication')}
          </a>
          <Link className="btn secondary" href="/applications">
            {t('nav.applications')}
          </Link>
        </div>
      </section>
    </ShowIfJustSubmitted>
  );
}
