import { requireUserPage } from '@/lib/auth/current-user';
import { myRows } from '@/lib/campus/campus-page-data';
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

/** 课表查询: the signed-in student's lessons, day by day (a list reads better than a grid on a phone). */
export default async function TimetablePage() {
  const user = await requireUserPage();
  const { t } = await getTranslator();
  const lessons = await myRows<Lesson>(user, 'timetable');
  const days = t('integrations.campus.weekdays').split(',');
  const byDay = days.map((name, i) => ({
    name,
    lessons: lessons.filter((l) => l.weekday === i + 1).sort((a, b) => parseInt(a.periods) - parseInt(b.periods)),
  }));
  return (
    <>
      <h1>{t('integrations.campus.timetable')}</h1>
      {lessons.length === 0 ? <p className="card muted">{t('integrations.campus.empty')}</p> : null}
      {byDay
        .filter((d) => d.lessons.length > 0)
        .map((d) => (
          <section key={d.name} className="card campus-day" aria-label={`${t('integrations.campus.weekday')}${d.name}`}>
            <h2>
              {t('integrations.campus.weekday')}
              {d.name}
            </h2>
            <ul className="campus-rows">
              {d.lessons.map((l) => (
                <li key={`${l.course}-${l.periods}`}>
                  <span className="main">
                    {l.course}
                    <span className="sub">
                      {l.location} · {l.teacher} · {t('integrations.campus.weeks', { w: l.weeks })}
                    </span>
                  </span>
                  <span className="value">{t('integrations.campus.periods', { p: l.periods })}</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </>
  );
}
