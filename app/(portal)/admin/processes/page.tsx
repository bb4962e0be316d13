import Link from 'next/link';
import { adminPageContext } from '@/lib/admin/admin-context';
import { listDefinitions } from '@/lib/admin/list-definitions';
import { pick } from '@/lib/i18n/translate';
import { getLabeler } from '@/lib/labels';
import { SampleBanner } from '../_components/sample-banner';

/** Every process definition and version, its owner, and how many instances run on it. */
export default async function ProcessesPage() {
  const { t, scope, db, locale } = await adminPageContext();
  const [defs, L] = await Promise.all([listDefinitions(db, scope), getLabeler(db, locale)]);
  return (
    <>
      <h1>{t('admin.processes.title')}</h1>
      <SampleBanner db={db} t={t} />
      {defs.length === 0 ? (
        <p>{t('admin.processes.none')}</p>
      ) : (
        <div className="card table-wrap">
          <table className="data" data-testid="definitions">
            <thead>
              <tr>
                <th scope="col">{t('admin.processes.process')}</th>
                <th scope="col" className="num">{t('admin.processes.version')}</th>
                <th scope="col">{t('admin.processes.status')}</th>
                <th scope="col">{t('admin.processes.owner')}</th>
                <th scope="col" className="num">{t('admin.processes.running')}</th>
                <th scope="col" className="num">{t('admin.processes.finished')}</th>
                <th scope="col">{t('admin.processes.diagram')}</th>
              </tr>
            </thead>
            <tbody>
              {defs.map((d) => (
                <tr key={`${d.id}@${d.version}`}>
                  <td>
                    {pick(d.title, locale)}
                  </td>
                  <td className="num">v{d.version}</td>
                  <td>
                    <span className={d.status === 'current' ? 'chip ok' : 'chip'}>{t(`admin.processes.${d.status}`)}</span>
                  </td>
                  <td>{L.org(d.ownerOrgUnitId)}</td>
                  <td className="num">{d.running}</td>
                  <td className="num">{d.finished}</td>
                  <td>
                    <Link href={`/admin/processes/${d.id}/${d.version}`} aria-label={`${t('admin.processes.diagram')} ${pick(d.title, locale)} v${d.version}`}>
                      {t('admin.processes.diagram')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
