import Link from 'next/link';
import { requireUserPage } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { pick, type Locale, type Translator } from '@/lib/i18n/translate';
import { BUILD_MODE_LABELS } from '@/lib/catalog/labels';
import { loadCatalog } from '@/lib/catalog/queries';
import { phoneFirst, repairHub, type RepairService } from '@/lib/repairs/catalog';
import { listMyOpenRepairs } from '@/lib/repairs/list-my-repairs';
import './repairs.css';

export const dynamic = 'force-dynamic';

function Channels({ s, t }: { s: RepairService; t: Translator }) {
  return (
    <span className="repairs-chips">
      {s.channels.map((c) => (
        <span className="chip" key={c}>
          {c === 'pc' ? t('processes.repairs.pc') : t('processes.repairs.phone')}
        </span>
      ))}
    </span>
  );
}

/** 办理 for our own form, 打开 for an integrated system (the catalog entry's address), 办事指南 otherwise. */
function Go({ s, t, locale }: { s: RepairService; t: Translator; locale: Locale }) {
  const name = pick(s.name, locale);
  if (s.link.kind === 'apply') {
    return (
      <Link className="btn" href={s.link.href} aria-label={`${t('processes.repairs.go')}：${name}`}>
        {t('processes.repairs.go')}
      </Link>
    );
  }
  if (s.link.kind === 'guide') {
    return (
      <Link className="btn secondary" href={s.link.href} aria-label={`${t('processes.repairs.guide')}：${name}`}>
        {t('processes.repairs.guide')}
      </Link>
    );
  }
  const external = s.link.kind === 'external';
  return (
    <a
      className="btn secondary"
      href={s.link.href}
      {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
      aria-label={`${t('processes.repairs.open')}：${name}${external ? t('portal.opensNewTab') : ''}`}
      data-testid={`open-${s.code}`}
    >
      {t('processes.repairs.open')}
    </a>
  );
}

export default async function RepairsPage() {
  const user = await requireUserPage();
  const { t, locale } = await getTranslator();
  const db = await getDb();
  const [mine, catalog] = await Promise.all([listMyOpenRepairs(db, user), loadCatalog(db)]);
  const services = repairHub(catalog, user);
  const mode = (s: RepairService) => pick(BUILD_MODE_LABELS[s.mode], locale);
  return (
    <>
      <h1>{t('processes.repairs.title')}</h1>
      <p className="muted">{t('processes.repairs.intro')}</p>
      <section className="card" aria-labelledby="repairs-mine">
        <h2 id="repairs-mine">{t('processes.repairs.mine')}</h2>
        {mine.length === 0 ? (
          <p className="muted">{t('processes.repairs.none')}</p>
        ) : (
          <ul className="list" data-testid="my-repairs">
            {mine.map((r) => (
              <li key={r.id}>
                <Link className="list-link" href={`/applications/${r.id}`}>
                  <span className="grow">
                    <span className="title">{pick(r.title, locale)}</span>
                    <span className="sub">{formatDateTime(r.updatedAt, locale)}</span>
                  </span>
                  <span className="chip">{pick(r.stateLabel, locale)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="repairs-services">
        <h2 id="repairs-services">{t('processes.repairs.name')}</h2>
        <p className="muted repairs-phone-note">{t('processes.repairs.phoneFirst')}</p>
        <ul className="repairs-cards" data-testid="repair-cards">
          {phoneFirst(services).map((s) => (
            <li key={s.code}>
              <span>
                <strong>{pick(s.name, locale)}</strong>
                <Channels s={s} t={t} />
                <span className="muted">{mode(s)}</span>
              </span>
              <Go s={s} t={t} locale={locale} />
            </li>
          ))}
        </ul>
        <table className="repairs-table" data-testid="repair-table">
          <thead>
            <tr>
              <th scope="col">{t('processes.repairs.no')}</th>
              <th scope="col">{t('processes.repairs.name')}</th>
              <th scope="col">{t('processes.repairs.channels')}</th>
              <th scope="col">{t('processes.repairs.mode')}</th>
              <th scope="col">
                <span className="sr-only">{t('processes.repairs.go')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {services.map((s) => (
              <tr key={s.code}>
                <td>{s.no}</td>
                <td>{pick(s.name, locale)}</td>
                <td>
                  <Channels s={s} t={t} />
                </td>
                <td>{mode(s)}</td>
                <td>
                  <Go s={s} t={t} locale={locale} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
