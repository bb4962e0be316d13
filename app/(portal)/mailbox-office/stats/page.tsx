import { notFound } from 'next/navigation';
import { requireUserPage } from '@/lib/auth/current-user';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import { getLabeler } from '@/lib/labels';
import { can } from '@/lib/policy';
import { mailboxStats } from '@/lib/mailbox/stats';

export default async function MailboxStatsPage() {
  const user = await requireUserPage();
  if (!can(user, 'mailbox.stats')) notFound();
  const { t, locale } = await getTranslator();
  const db = await getDb();
  const [stats, L] = await Promise.all([mailboxStats(db, await now(db)), getLabeler(db, locale)]);
  const hours = (n: number | null) => (n === null ? '—' : t('mailbox.hours', { n }));
  return (
    <>
      <h1>{t('mailbox.statsTitle')}</h1>
      <section className="grid grid-3">
        <div className="card stat">
          <span>{t('mailbox.avgAccept')}</span> <strong>{hours(stats.avgHoursToAccept)}</strong>
        </div>
        <div className="card stat">
          <span>{t('mailbox.avgReply')}</span> <strong>{hours(stats.avgHoursToReply)}</strong>
        </div>
        <div className="card stat">
          <span>{t('mailbox.overdueCount')}</span> <strong data-testid="overdue-count">{stats.overdue}</strong>
        </div>
      </section>
      <section className="card">
        <h2>{t('mailbox.perMonth')}</h2>
        <table className="mb-table">
          <thead>
            <tr>
              <th scope="col">{t('mailbox.month')}</th>
              <th scope="col">{t('mailbox.category')}</th>
              <th scope="col">{t('mailbox.count')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.perMonth.map((r) => (
              <tr key={`${r.month}-${r.category}`}>
                <td>{r.month}</td>
                <td>{t(`mailbox.categories.${r.category}`)}</td>
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2>{t('mailbox.satisfaction')}</h2>
        <table className="mb-table">
          <thead>
            <tr>
              <th scope="col">{t('mailbox.departments')}</th>
              <th scope="col">{t('mailbox.ratedCount')}</th>
              <th scope="col">{t('mailbox.satisfiedShare')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.satisfaction.map((s) => (
              <tr key={s.orgUnitId}>
                <td>{L.org(s.orgUnitId)}</td>
                <td>{s.rated}</td>
                <td>{Math.round((s.satisfied / s.rated) * 100)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
