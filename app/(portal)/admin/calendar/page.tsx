import { requireUserPage } from '@/lib/auth/current-user';
import { can } from '@/lib/policy';
import { listCalendar } from '@/lib/calendar/manage-calendar';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import { deleteDayAction } from '../../../actions/calendar';
import { DayForm, TermForm } from './day-form';

export const dynamic = 'force-dynamic';

/** 校历维护: the holidays and 调休 days working-day deadlines count with, and the term dates. */
export default async function CalendarAdminPage() {
  const user = await requireUserPage();
  const { t, locale } = await getTranslator();
  if (!can(user, 'admin.calendar')) {
    return <p className="alert error">{t('processes.calendar.forbidden')}</p>;
  }
  const { days, terms } = await listCalendar(await getDb());
  return (
    <>
      <h1>{t('processes.calendar.title')}</h1>
      <p className="muted">{t('processes.calendar.intro')}</p>
      <section className="card" aria-labelledby="cal-terms">
        <h2 id="cal-terms">{t('processes.calendar.terms')}</h2>
        <ul className="list">
          {terms.map((term) => (
            <li key={term.id} style={{ padding: '8px 0' }}>
              <strong>{locale === 'zh' ? term.nameZh : term.nameEn}</strong>
              <TermForm
                id={term.id}
                startsOn={term.startsOn}
                endsOn={term.endsOn}
                labels={{ starts: t('processes.calendar.starts'), ends: t('processes.calendar.ends'), save: t('processes.calendar.save') }}
              />
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="cal-add">
        <h2 id="cal-add">{t('processes.calendar.add')}</h2>
        <DayForm
          labels={{
            day: t('processes.calendar.day'),
            kind: t('processes.calendar.kind'),
            holiday: t('processes.calendar.holiday'),
            workday: t('processes.calendar.workday'),
            name: t('processes.calendar.name'),
            nameEn: t('processes.calendar.nameEn'),
            save: t('processes.calendar.save'),
          }}
        />
      </section>
      <section className="card" aria-labelledby="cal-days">
        <h2 id="cal-days">{t('processes.calendar.days')}</h2>
        <ul className="list" data-testid="calendar-days">
          {days.map((d) => (
            <li key={d.day} style={{ display: 'flex', gap: 12, alignItems: 'center', padding: '6px 0' }}>
              <span className="grow" style={{ flex: 1 }}>
                <time dateTime={d.day}>{d.day}</time> · {locale === 'zh' ? d.nameZh : d.nameEn}{' '}
                <span className="chip">{d.kind === 'holiday' ? t('processes.calendar.holiday') : t('processes.calendar.workday')}</span>
              </span>
              <form action={deleteDayAction}>
                <input type="hidden" name="day" value={d.day} />
                <button className="btn secondary" type="submit" aria-label={`${t('processes.calendar.remove')} ${d.day}`}>
                  {t('processes.calendar.remove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
