import Link from 'next/link';
import { getTranslator } from '@/lib/i18n/server';

/** What forbidden() renders, with HTTP 403. */
export default async function Forbidden() {
  const { t } = await getTranslator();
  return (
    <main className="login-wrap" id="main">
      <div className="card">
        <h1>403</h1>
        <p>{t('admin.forbidden')}</p>
        <Link className="btn" href="/">
          {t('nav.home')}
        </Link>
      </div>
    </main>
  );
}
