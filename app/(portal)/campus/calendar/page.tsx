import { requireUserPage } from '@/lib/auth/current-user';
import { myRows } from '@/lib/campus/campus-page-data';
import { termDaysOff } from '@/lib/campus/term-days-off';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import '../campus.css';

interface TermWeek {
  term: string;
  week: number;
  startDate: string;
  note: string;
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * 校历查询: the teaching weeks of the term calendar dataset with the current week marked, and the
 * holidays and make-up workdays of the working-day calendar (the days time limits are counted by).
 */
export default async function CalendarPage() {
  const user = await requireUserPage();
  const { t, locale } = await getTranslator();
  const db = await getDb();
  const weeks = (await myRows<TermWeek>(user, 'term-calendar')).sort((a, b) => a.term.localeCompare(b.term) || a.week - b.week);
  const today = new Date((await now(db)).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const current = weeks.findLast((w) => w.startDate <= today);
  const daysOff = weeks.length > 0 ? await termDaysOff(db, weeks[0]!.startDate, addDays(weeks.at(-1)!.startDate, 6)) : [];
  return (
    <>
      <h1>{t('integrations.campus.calendar')}</h1>
      {current ? <p className="card">{t('integrations.campus.currentWeek', { term: current.term, week: current.week })}</p> : null}
      {daysOff.length > 0 ? (
        <section className="card" aria-labelledby="days-off-title">
          <h2 id="days-off-title">{t('integrations.campus.holidays')}</h2>
          <ul className="campus-rows" data-testid="days-off">
            {daysOff.map((d) => (
              <li key={d.from}>
                <span className="main">
                  {pick(d.name, locale)}
                  <span className="sub">{d.from === d.to ? d.from : `${d.from} — ${d.to}`}</span>
                </span>
                <span className={`value${d.kind === 'holiday' ? ' amount-in' : ''}`}>{t(d.kind === 'holiday' ? 'integrations.campus.holiday' : 'integrations.campus.workday')}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="weeks-title">
        <h2 id="weeks-title">{t('integrations.campus.teachingWeeks')}</h2>
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
    </>
  );
}
