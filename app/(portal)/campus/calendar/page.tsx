import { requireUserPage } from '@/lib/auth/current-user';
import { myRows } from '@/lib/campus/campus-page-data';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import '../campus.css';

interface TermWeek {
  term: string;
  week: number;
  startDate: string;
  note: string;
}

/**
 * 校历查询: the teaching weeks of the term calendar dataset, the current week marked.
 * The engine's working-day calendar table (holidays, swapped working days) is being built on
 * another branch; once merged, this page should show it as well (see the note on the page).
 */
export default async function CalendarPage() {
  const user = await requireUserPage();
  const { t } = await getTranslator();
  const weeks = (await myRows<TermWeek>(user, 'term-calendar')).sort((a, b) => a.term.localeCompare(b.term) || a.week - b.week);
  const today = (await now(await getDb())).toISOString().slice(0, 10);
  const current = weeks.findLast((w) => w.startDate <= today);
  return (
    <>
      <h1>{t('integrations.campus.calendar')}</h1>
      {current ? <p className="card">{t('integrations.campus.currentWeek', { term: current.term, week: current.week })}</p> : null}
      <section className="card">
        {weeks.length === 0 ? (
          <p className="muted">{t('integrations.campus.empty')}</p>
        ) : (
          <ul className="campus-rows">
            {weeks.map((w) => (
              <li key={`${w.term}-${w.week}`} aria-current={w === current ? 'date' : undefined}>
                <span className="main">
                  {w === current ? <strong>{t('integrations.campus.week', { week: w.week })}</strong> : t('integrations.campus.week', { week: w.week })}
                  {w.note ? <span className="sub">{w.note}</span> : null}
                </span>
                <span className="value">{w.startDate}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="muted">{t('integrations.campus.calendarNote')}</p>
    </>
  );
}
