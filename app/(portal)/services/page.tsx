import Link from 'next/link';
import { requireUserPage } from '@/lib/auth/current-user';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import { listStartableProcesses } from '@/lib/processes/describe-process';

export default async function ServicesPage() {
  const user = await requireUserPage();
  const { t, locale } = await getTranslator();
  const services = listStartableProcesses(user);
  return (
    <>
      <h1>{t('services.title')}</h1>
      <section className="card">
        {services.length === 0 ? (
          <p className="empty">{t('services.notOpen')}</p>
        ) : (
          <ul className="list">
            {services.map((s) => (
              <li key={s.id}>
                <Link className="list-link" href={`/services/${s.id}`}>
                  <span className="grow">
                    <span className="title">{pick(s.title, locale)}</span>
                    <span className="sub">{pick(s.summary, locale)}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
