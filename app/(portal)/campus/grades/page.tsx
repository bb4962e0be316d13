import { requireUserPage } from '@/lib/auth/current-user';
import { myRows } from '@/lib/campus/campus-page-data';
import { getTranslator } from '@/lib/i18n/server';
import '../campus.css';

interface Grade {
  term: string;
  course: string;
  credit: number;
  score: string;
  gradePoint: number;
}

/** 成绩查询: the student's own grades by term, with the credit-weighted GPA. */
export default async function GradesPage() {
  const user = await requireUserPage();
  const { t } = await getTranslator();
  const grades = await myRows<Grade>(user, 'grades');
  const terms = [...new Set(grades.map((g) => g.term))].sort().reverse();
  const credits = grades.reduce((s, g) => s + g.credit, 0);
  const gpa = credits > 0 ? grades.reduce((s, g) => s + g.credit * g.gradePoint, 0) / credits : 0;
  return (
    <>
      <h1>{t('integrations.campus.grades')}</h1>
      {grades.length === 0 ? (
        <p className="card muted">{t('integrations.campus.empty')}</p>
      ) : (
        <p className="card">
          {t('integrations.campus.gpa')}：<strong>{gpa.toFixed(2)}</strong>
        </p>
      )}
      {terms.map((term) => (
        <section key={term} className="card" aria-label={term}>
          <h2>{term}</h2>
          <ul className="campus-rows">
            {grades
              .filter((g) => g.term === term)
              .map((g) => (
                <li key={g.course}>
                  <span className="main">
                    {g.course}
                    <span className="sub">
                      {t('integrations.campus.credit')} {g.credit} · {t('integrations.campus.gradePoint')} {g.gradePoint}
                    </span>
                  </span>
                  <span className="value">{g.score}</span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
