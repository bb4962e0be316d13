import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { adminPageContext } from '@/lib/admin/admin-context';
import { migrationDryRun, versionedProcesses } from '@/lib/admin/migration-dry-run';
import { isAppError } from '@/lib/errors';
import { getLabeler } from '@/lib/labels';
import { MigrateForm } from '../_components/migrate-form';

/** Migration dry run: which running instances of other versions could move to a target version. */
export default async function MigrationsPage({ searchParams }: { searchParams: Promise<{ process?: string; target?: string }> }) {
  const query = await searchParams;
  const { t, db, user, locale, isOperator } = await adminPageContext();
  if (!isOperator) forbidden();
  const processes = versionedProcesses();
  const L = await getLabeler(db, locale);
  const chosen = processes.find((p) => p.id === query.process);
  const target = chosen ? Number(query.target ?? chosen.versions[chosen.versions.length - 1]) : undefined;
  let candidates: Awaited<ReturnType<typeof migrationDryRun>> = [];
  let error: string | null = null;
  if (chosen && target !== undefined) {
    try {
      candidates = await migrationDryRun(db, user, chosen.id, target);
    } catch (e) {
      if (!isAppError(e)) throw e;
      error = e.userMessage?.[locale] ?? e.message;
    }
  }
  const movable = candidates.filter((c) => c.missing.length === 0);
  const blocked = candidates.filter((c) => c.missing.length > 0);
  return (
    <>
      <h1>{t('admin.migrate.title')}</h1>
      <p>{t('admin.migrate.intro')}</p>
      <ul className="list card">
        {processes.map((p) => (
          <li key={p.id} style={{ padding: 8 }}>
            {L.process(p.id)}: {p.versions.map((v) => `v${v}`).join(', ')}{' '}
            {p.versions.length > 1 ? (
              p.versions.map((v) => (
                <Link key={v} className="btn secondary" href={`/admin/migrations?process=${p.id}&target=${v}`}>
                  {t('admin.migrate.dryRun')} → v{v}
                </Link>
              ))
            ) : (
              <small>{t('admin.migrate.onlyOne')}</small>
            )}
          </li>
        ))}
      </ul>
      {error && <div className="alert error" role="alert">{error}</div>}
      {chosen && target !== undefined && !error && (
        <section className="card">
          <h2>
            {L.process(chosen.id)} → v{target}
          </h2>
          {candidates.length === 0 && <p>{t('admin.migrate.noneOld')}</p>}
          {movable.length > 0 && (
            <>
              <h3>{t('admin.migrate.movable')} ({movable.length})</h3>
              <MigrateForm processId={chosen.id} targetVersion={target} ids={movable.map((c) => c.id)} labels={{ move: t('admin.migrate.move'), moved: t('admin.migrate.moved'), network: t('errors.INTERNAL') }} />
            </>
          )}
          {blocked.length > 0 && (
            <>
              <h3>{t('admin.migrate.blocked')} ({blocked.length})</h3>
              <ul>
                {blocked.map((c) => (
                  <li key={c.id}>
                    <span translate="no">{c.id}</span> (v{c.version}, {L.state({ processId: chosen.id, processVersion: c.version }, c.state)}) —{' '}
                    {t('admin.migrate.missing', { states: c.missing.map((s) => L.state({ processId: chosen.id, processVersion: c.version }, s)).join('、') })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </>
  );
}
