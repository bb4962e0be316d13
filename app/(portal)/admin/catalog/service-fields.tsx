import { AUDIENCES, BUILD_MODES, CATALOG_STATUSES, CHANNELS } from '@/db/schema';
import { AUDIENCE_LABELS, BUILD_MODE_LABELS, CHANNEL_LABELS, STATUS_LABELS } from '@/lib/catalog/labels';
import type { CatalogRow } from '@/lib/catalog/queries';
import { THEMES } from '@/lib/catalog/themes';
import { pick, type Locale, type Translator } from '@/lib/i18n/translate';

/** The inputs of a catalog entry, filled from an existing one when editing. */
export function ServiceFields({
  service,
  departments,
  t,
  locale,
  withStatus,
}: {
  service?: CatalogRow;
  departments: Array<{ id: string; nameZh: string; nameEn: string }>;
  t: Translator;
  locale: Locale;
  withStatus: boolean;
}) {
  const text = (name: string, label: string, value: string | null | undefined, opts: { required?: boolean; type?: string } = {}) => (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <input id={`f-${name}`} name={name} type={opts.type ?? 'text'} defaultValue={value ?? ''} required={opts.required} />
    </div>
  );
  const g = service?.guide;
  return (
    <>
      {service ? <input type="hidden" name="id" value={service.id} /> : null}
      {text('code', t('portal.code'), service?.code, { required: true })}
      {text('nameZh', t('portal.nameZh'), service?.nameZh, { required: true })}
      {text('nameEn', t('portal.nameEn'), service?.nameEn, { required: true })}
      {text('keywords', t('portal.keywords'), service?.keywords)}
      <div className="field">
        <label htmlFor="f-theme">{t('portal.theme')}</label>
        <select id="f-theme" name="theme" defaultValue={service?.theme ?? THEMES[0].id}>
          {THEMES.map((th) => (
            <option key={th.id} value={th.id}>
              {pick(th, locale)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="f-dept">{t('portal.department')}</label>
        <select id="f-dept" name="departmentId" defaultValue={service?.departmentId ?? departments[0]?.id}>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {locale === 'zh' ? d.nameZh : d.nameEn}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t('portal.audience')}</legend>
        <div className="checks">
          {AUDIENCES.map((a) => (
            <label key={a}>
              <input type="checkbox" name="audience" value={a} defaultChecked={service ? service.audience.includes(a) : a === 'student'} />
              {pick(AUDIENCE_LABELS[a], locale)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>{t('portal.channel')}</legend>
        <div className="checks">
          {CHANNELS.map((c) => (
            <label key={c}>
              <input type="checkbox" name="channels" value={c} defaultChecked={service ? service.channels.includes(c) : true} />
              {pick(CHANNEL_LABELS[c], locale)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="f-mode">{t('portal.buildMode')}</label>
        <select id="f-mode" name="buildMode" defaultValue={service?.buildMode ?? 'workflow'}>
          {BUILD_MODES.map((m) => (
            <option key={m} value={m}>
              {pick(BUILD_MODE_LABELS[m], locale)}
            </option>
          ))}
        </select>
      </div>
      {text('processId', t('portal.processId'), service?.processId)}
      {text('externalUrl', t('portal.externalUrl'), service?.externalUrl)}
      {withStatus ? (
        <div className="field">
          <label htmlFor="f-status">{t('portal.status')}</label>
          <select id="f-status" name="status" defaultValue={service?.status ?? 'building'}>
            {CATALOG_STATUSES.map((s) => (
              <option key={s} value={s}>
                {pick(STATUS_LABELS[s], locale)}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input type="hidden" name="status" value={service?.status ?? 'building'} />
      )}
      {text('testers', t('portal.testers'), service?.testers.join('|'))}
      {text('whoZh', t('portal.whoZh'), g?.whoZh)}
      {text('whoEn', t('portal.whoEn'), g?.whoEn)}
      {text('materialsZh', t('portal.materialsZh'), g?.materialsZh)}
      {text('materialsEn', t('portal.materialsEn'), g?.materialsEn)}
      {text('timeLimitZh', t('portal.timeLimitZh'), g?.timeLimitZh)}
      {text('timeLimitEn', t('portal.timeLimitEn'), g?.timeLimitEn)}
      {text('contact', t('portal.contact'), g?.contact)}
    </>
  );
}
