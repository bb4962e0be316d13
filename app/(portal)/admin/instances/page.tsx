import Link from 'next/link';
import { adminPageContext } from '@/lib/admin/admin-context';
import { searchInstances, type InstanceHit } from '@/lib/admin/search-instances';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/i18n/format';
import { pick } from '@/lib/i18n/translate';
import { getLabeler } from '@/lib/labels';
import { currentDefinitions } from '@/workflows/registry';
import { statePaths } from '@/lib/admin/diagram/machine-graph';
import { INSTANCE_STATUSES } from '@/db/schema';
import { ProcessSelect } from '../_components/process-select';
import { SampleBanner } from '../_components/sample-banner';

type Query = { q?: string; process?: string; state?: string; status?: string; from?: string; to?: string };

/** Find instances by id, applicant, process, state, status and start date. */
export default async function InstancesPage({ searchParams }: { searchParams: Promise<Query> }) {
  const query = await searchParams;
  const { t, scope, db, locale } = await adminPageContext();
  const L = await getLabeler(db, locale);
  let hits: InstanceHit[] = [];
  let error: string | null = null;
  try {
    hits = await searchInstances(db, scope, query);
  } catch (e) {
    if (!isAppError(e)) throw e;
    error = e.userMessage?.[locale] ?? t(`errors.${e.code}`);
  }
  return (
    <>
      <h1>{t('admin.instances.title')}</h1>
      <SampleBanner db={db} t={t} />
      <form className="card filters" method="get" role="search">
        <div className="field">
          <label htmlFor="q">{t('admin.instances.q')}</label>
          <input id="q" name="q" defaultValue={query.q ?? ''} />
        </div>
        <ProcessSelect label={t('admin.instances.process')} anyLabel={t('admin.instances.any')} value={query.process} locale={locale} />
        <div className="field">
          <label htmlFor="state">{t('admin.instances.state')}</label>
          {/* States by name, grouped by process: nobody types a state's code id. */}
          <select id="state" name="state" defaultValue={query.state ?? ''}>
            <option value="">{t('admin.instances.any')}</option>
            {currentDefinitions().map((d) => (
              <optgroup key={d.id} label={L.process(d.id)}>
                {[...statePaths(d.machine)].map((p) => (
                  <option key={p} value={p}>
                    {L.state(d, p)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">{t('admin.instances.status')}</label>
          <select id="status" name="status" defaultValue={query.status ?? ''}>
            <option value="">{t('admin.instances.any')}</option>
            {INSTANCE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`admin.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="from">{t('admin.instances.from')}</label>
          <input id="from" name="from" type="date" defaultValue={query.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="to">{t('admin.instances.to')}</label>
          <input id="to" name="to" type="date" defaultValue={query.to ?? ''} />
        </div>
        <button className="btn" type="submit">
          {t('admin.instances.search')}
        </button>
      </form>
      {error && (
        <div className="alert error" role="alert">
          {error}
        </div>
      )}
      <p>{t('admin.instances.results', { n: hits.length })}</p>
      {hits.length === 0 ? (
        <p>{t('admin.instances.none')}</p>
      ) : (
        <ul className="list card" data-testid="instance-results">
          {hits.map((h) => (
            <li key={h.id}>
              <Link className="list-link" href={`/admin/instances/${h.id}`}>
                <span className="grow">
                  <span className="title">{pick(h.title, locale)}</span>
                  <span className="sub">
                    {h.caseNo ? <span translate="no">{h.caseNo} · </span> : null}
                    {L.process(h.processId)} v{h.processVersion} · {L.state({ processId: h.processId, processVersion: h.processVersion }, h.state)} · {h.applicantName ?? '—'}
                    {h.applicantUsername ? <span translate="no"> ({h.applicantUsername})</span> : null} ·{' '}
                    {formatDateTime(h.createdAt.toISOString(), locale)}
                  </span>
                </span>
                {h.sample ? (
                  <span className="chip sample" data-testid="sample-chip">
                    {t('admin.instances.sample')}
                  </span>
                ) : null}
                <span className="chip">{L.status(h.status)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
