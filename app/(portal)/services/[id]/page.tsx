import Link from 'next/link';
import { notFound } from 'next/navigation';
import { eq } from 'drizzle-orm';
import { orgUnits } from '@/db/schema';
import { getCurrentUser } from '@/lib/auth/current-user';
import { canManageCatalog, canSeeService } from '@/lib/catalog/access';
import { AUDIENCE_LABELS, BUILD_MODE_LABELS, CHANNEL_LABELS, STATUS_LABELS } from '@/lib/catalog/labels';
import { favouriteIds, findServiceByCode } from '@/lib/catalog/queries';
import { serviceLink } from '@/lib/catalog/service-link';
import { findTheme } from '@/lib/catalog/themes';
import { windowStatus } from '@/lib/catalog/window-status';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import { findDefinition } from '@/lib/processes/find-definition';
import { toggleFavourite } from '../../../actions/catalog-favourite';
import '../../portal.css';

/**
 * 办事指南: who may apply, materials, time limit, contact, channels, build mode, and how to start.
 * Visitors read it too; 在线办理 shows only to someone the policy lets start the process.
 */
export default async function ServiceGuidePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  const { id } = await params;
  const db = await getDb();
  const service = await findServiceByCode(db, decodeURIComponent(id));
  if (!service || !canSeeService(service, user)) notFound();
  const { t, locale } = await getTranslator();
  const zh = locale === 'zh';
  const [[owner], favourites] = await Promise.all([
    db.select().from(orgUnits).where(eq(orgUnits.id, service.departmentId)),
    user ? favouriteIds(db, user) : new Set<string>(),
  ]);
  const definition = service.processId ? findDefinition(service.processId) : undefined;
  const link = serviceLink(service, user);
  // Outside the application window 在线办理 gives way to when the next one opens.
  const applyWindow = windowStatus([service], await now(db));
  const closed = applyWindow?.closed && link?.kind === 'apply' ? applyWindow.closed : null;
  const theme = findTheme(service.theme);
  const g = service.guide;
  const isFavourite = favourites.has(service.id);
  return (
    <>
      <h1>{zh ? service.nameZh : service.nameEn}</h1>
      {service.isSample ? <p className="alert info">{t('portal.sampleNote')}</p> : null}
      {service.status === 'testing' ? <p className="alert info">{t('portal.testingNote')}</p> : null}
      {service.status === 'building' || service.status === 'retired' ? (
        <p className="alert info">{t('portal.hiddenNote', { status: pick(STATUS_LABELS[service.status], locale) })}</p>
      ) : null}
      <section className="card" aria-labelledby="guide-title">
        <h2 id="guide-title">{t('portal.guide')}</h2>
        {definition ? <p>{pick(definition.summary, locale)}</p> : null}
        <dl className="facts">
          <dt>{t('portal.who')}</dt>
          <dd>{(zh ? g.whoZh : g.whoEn || g.whoZh) || service.audience.map((a) => pick(AUDIENCE_LABELS[a], locale)).join('、')}</dd>
          <dt>{t('portal.materials')}</dt>
          <dd>{(zh ? g.materialsZh : g.materialsEn || g.materialsZh) || t('common.none')}</dd>
          <dt>{t('portal.timeLimit')}</dt>
          <dd>{(zh ? g.timeLimitZh : g.timeLimitEn || g.timeLimitZh) || t('common.none')}</dd>
          {applyWindow ? (
            <>
              <dt>{t('forms.window')}</dt>
              <dd data-testid="application-window">
                {applyWindow.state.open
                  ? t('forms.windowOpenUntil', { window: pick(applyWindow.label, locale), closes: applyWindow.state.closes })
                  : t('forms.windowClosed', { window: pick(applyWindow.label, locale), opens: applyWindow.state.opens })}
              </dd>
            </>
          ) : null}
          <dt>{t('portal.contact')}</dt>
          <dd>{g.contact || t('common.none')}</dd>
          <dt>{t('portal.department')}</dt>
          <dd>{owner ? (zh ? owner.nameZh : owner.nameEn) : service.departmentId}</dd>
          <dt>{t('portal.theme')}</dt>
          <dd>{theme ? pick(theme, locale) : service.theme}</dd>
          <dt>{t('portal.channel')}</dt>
          <dd>{service.channels.map((c) => pick(CHANNEL_LABELS[c], locale)).join('、')}</dd>
          <dt>{t('portal.buildMode')}</dt>
          <dd>{pick(BUILD_MODE_LABELS[service.buildMode], locale)}</dd>
        </dl>
        <div className="actions">
          {closed ? (
            <p className="alert info" data-testid="window-closed">
              {pick(closed, locale)}
            </p>
          ) : link?.kind === 'apply' ? (
            <Link className="btn" href={link.href}>
              {t('services.start')}
            </Link>
          ) : link?.kind === 'external' ? (
            <a className="btn" href={link.href} target="_blank" rel="noopener noreferrer">
              {t('portal.openApp')}
              <span className="sr-only">{t('portal.opensNewTab')}</span>
            </a>
          ) : link?.kind === 'internal' ? (
            <a className="btn" href={link.href}>
              {t('portal.go')}
            </a>
          ) : definition && !user ? (
            <Link className="btn" href={`/login?callbackUrl=${encodeURIComponent(`/services/${service.code}`)}`}>
              {t('applicant.loginToApply')}
            </Link>
          ) : definition ? (
            <p className="alert info">{t('portal.notForYou')}</p>
          ) : (
            <p className="alert info">{t('portal.notYetOnline')}</p>
          )}
          {user ? (
            <form action={toggleFavourite}>
              <input type="hidden" name="serviceId" value={service.id} />
              <input type="hidden" name="on" value={isFavourite ? '0' : '1'} />
              <button className="btn secondary" type="submit" aria-pressed={isFavourite}>
                {isFavourite ? t('portal.unfavourite') : t('portal.favourite')}
              </button>
            </form>
          ) : null}
          {canManageCatalog(user) ? (
            <Link className="btn secondary" href={`/admin/catalog/${service.id}`}>
              {t('portal.edit')}
            </Link>
          ) : null}
        </div>
      </section>
    </>
  );
}
