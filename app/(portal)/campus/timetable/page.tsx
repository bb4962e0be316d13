import Link from 'next/link';
import { requireUserPage } from '@/lib/auth/current-user';
import { myRows } from '@/lib/campus/campus-page-data';
import { meetsInWeek } from '@/lib/campus/lesson-weeks';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import '../campus.css';

interface Lesson {
  term: string;
  course: string;
  weekday: number;
  periods: string;
  weeks: string;
  location: string;
  teacher: string;
}

interface TermWeek {
  term: string;
  week: number;
  startDate: string;
}

const span = (periods: string): [number, number] => {
  const [from, to] = periods.split('-').map(Number);
  return [from!, to ?? from!];
};

/**
 * 课表查询: on a desk the week as a grid (days across, periods down), on a phone one day at a time
 * with the days as tabs (today first). Lessons that do not meet in the current teaching week are
 * shown faded, so the week reads as it will happen.
 */
export default async function TimetablePage({ searchParams }: { searchParams: Promise<{ day?: string }> }) {
  const user = await requireUserPage();
  const { t } = await getTranslator();
  const [lessons, weeks] = await Promise.all([myRows<Lesson>(user, 'timetable'), myRows<TermWeek>(user, 'term-calendar')]);
  const at = await now(await getDb());
  const today = new Date(at.getTime() + 8 * 3_600_000);
  const todayIso = today.toISOString().slice(0, 10);
  const todayWeekday = today.getUTCDay() === 0 ? 7 : today.getUTCDay();
  const current = weeks.filter((w) => w.startDate <= todayIso).sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
  const names = t('integrations.campus.weekdays').split(',');
  const weekend = lessons.some((l) => l.weekday > 5);
  const days = Array.from({ length: weekend ? 7 : 5 }, (_, i) => i + 1);
  const requested = Number((await searchParams).day);
  const day = days.includes(requested) ? requested : days.includes(todayWeekday) ? todayWeekday : 1;
  const lastPeriod = Math.max(10, ...lessons.map((l) => span(l.periods)[1]));
  const offWeek = (l: Lesson) => (current ? meetsInWeek(l.weeks, current.week) === false : false);
  const ofDay = (d: number) => lessons.filter((l) => l.weekday === d).sort((a, b) => span(a.periods)[0] - span(b.periods)[0]);
  const dayName = (d: number) => `${t('integrations.campus.weekday')}${names[d - 1]}`;
  const lessonText = (l: Lesson) => (
    <>
      <span className="tt-course">{l.course}</span>
      <span className="sub">
        {l.location} · {l.teacher}
      </span>
      <span className="sub">
        {t('integrations.campus.periods', { p: l.periods })} · {t('integrations.campus.weeks', { w: l.weeks })}
        {offWeek(l) ? ` · ${t('integrations.campus.notThisWeek')}` : ''}
      </span>
    </>
  );
  return (
    <>
      <h1>{t('integrations.campus.timetable')}</h1>
      {current ? <p className="muted">{t('integrations.campus.currentWeek', { term: current.term, week: current.week })}</p> : null}
      {lessons.length === 0 ? (
        <p className="card muted">{t('integrations.campus.empty')}</p>
      ) : (
        <>
          <section className="card tt-day" aria-labelledby="tt-day-title" data-testid="timetable-day">
            <nav className="tt-tabs" aria-label={t('integrations.campus.pickDay')}>
              {days.map((d) => (
                <Link key={d} href={`/campus/timetable?day=${d}`} aria-current={d === day ? 'page' : undefined} aria-label={dayName(d)}>
                  {names[d - 1]}
                  {d === todayWeekday ? <span className="tt-today">{t('integrations.campus.today')}</span> : null}
                </Link>
              ))}
            </nav>
            <h2 id="tt-day-title">
              {dayName(day)}
              {day === todayWeekday ? `（${t('integrations.campus.today')}）` : ''}
            </h2>
            {ofDay(day).length === 0 ? (
              <p className="muted">{t('integrations.campus.noLessons')}</p>
            ) : (
              <ul className="campus-rows">
                {ofDay(day).map((l) => (
                  <li key={`${l.course}-${l.periods}`} className={offWeek(l) ? 'tt-off' : undefined}>
                    <span className="main">{lessonText(l)}</span>
                    <span className="value">{t('integrations.campus.periods', { p: l.periods })}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card tt-grid-card" aria-label={t('integrations.campus.weekGrid')} data-testid="timetable-week">
            <div className="tt-grid" style={{ gridTemplateColumns: `3.5rem repeat(${days.length}, minmax(0, 1fr))`, gridTemplateRows: `auto repeat(${lastPeriod}, minmax(2.6rem, auto))` }}>
              {days.map((d) => (
                <div key={`h${d}`} className={`tt-head${d === todayWeekday ? ' tt-head-today' : ''}`} style={{ gridColumn: d + 1, gridRow: 1 }}>
                  {dayName(d)}
                </div>
              ))}
              {Array.from({ length: lastPeriod }, (_, i) => (
                <div key={`p${i}`} className="tt-period" style={{ gridColumn: 1, gridRow: i + 2 }}>
                  {i + 1}
                </div>
              ))}
              {days.flatMap((d) =>
                ofDay(d).map((l) => {
                  const [from, to] = span(l.periods);
                  return (
                    <div key={`${d}-${l.course}-${l.periods}`} className={`tt-lesson${offWeek(l) ? ' tt-off' : ''}`} style={{ gridColumn: d + 1, gridRow: `${from + 1} / ${to + 2}` }}>
                      {lessonText(l)}
                    </div>
                  );
                }),
              )}
            </div>
          </section>
        </>
      )}
    </>
  );
}
