import Link from 'next/link';
import { getTranslator } from '@/lib/i18n/server';

export default async function NotFound() {
  const { t } = await getTranslator();
  return (
    <main className="login-wrap" id="main">
      <div className="card">
        <h1>404</h1>
        <p>{t('instance.notFound')}</p>
        <Link className="btn" href="/">
          {t('nav.home')}
        </Link>
      </div>
    </main>
  );
}
