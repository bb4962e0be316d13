import { requireUserPage } from '@/lib/auth/current-user';
import { myRows } from '@/lib/campus/campus-page-data';
import { getTranslator } from '@/lib/i18n/server';
import '../campus.css';

interface Exam {
  term: string;
  course: string;
  date: string;
  time: string;
  location: string;
  seat: string;
}

/** 考试查询: the student's own exams in date order. */
export default async function ExamsPage() {
  const user = await requireUserPage();
  const { t } = await getTranslator();
  const exams = (await myRows<Exam>(user, 'exams')).sort((a, b) => `${a.date}${a.time}`.localeCompare(`${b.date}${b.time}`));
  return (
    <>
      <h1>{t('integrations.campus.exams')}</h1>
      <section className="card">
        {exams.length === 0 ? (
          <p className="muted">{t('integrations.campus.empty')}</p>
        ) : (
          <ul className="campus-rows">
            {exams.map((e) => (
              <li key={`${e.term}-${e.course}`}>
                <span className="main">
                  {e.course}
                  <span className="sub">
                    {e.location}
                    {e.seat ? ` · ${t('integrations.campus.seat')} ${e.seat}` : ''}
                  </span>
                </span>
                <span className="value">
                  {e.date} {e.time}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
