import { formatDateTime } from '@/lib/i18n/format';
import { pick, type Locale, type Translator } from '@/lib/i18n/translate';
import { statusLabel } from '@/lib/labels';
import type { RecordCheck } from '@/lib/records/verify-record';

/** The verdict: 已核验 with the record's non-personal facts, or 无法核验 with why (or the refusal's own words). */
export function RecordVerdict({ check, refusal, t, locale }: { check: RecordCheck | null; refusal: string | null; t: Translator; locale: Locale }) {
  if (!check) {
    return (
      <section className="card verify-result bad" role="status" aria-labelledby="verdict" data-testid="verify-result">
        <p id="verdict" className="verdict">
          ✕ {t('record.unverified')}
        </p>
        <p>{refusal ?? t('record.unverifiedText')}</p>
      </section>
    );
  }
  return (
    <section className="card verify-result ok" role="status" aria-labelledby="verdict" data-testid="verify-result">
      <p id="verdict" className="verdict">
        ✓ {t('record.verified')}
      </p>
      <p>{t('record.verifiedText', { caseNo: check.caseNo })}</p>
      {check.current ? null : <p className="alert info">{t('record.notCurrent')}</p>}
      <dl className="facts">
        <dt>{t('record.caseNo')}</dt>
        <dd data-testid="verify-case-no">{check.caseNo}</dd>
        <dt>{t('record.process')}</dt>
        <dd>{pick(check.process, locale)}</dd>
        {check.status ? (
          <>
            <dt>{t('record.statusAtRecord')}</dt>
            <dd>{pick(statusLabel(check.status), locale)}</dd>
          </>
        ) : null}
        <dt>{t('record.recordedAt')}</dt>
        <dd>{formatDateTime(check.recordedAt, locale)}</dd>
        <dt>{t('record.entries')}</dt>
        <dd>{t('record.stepsCount', { n: check.steps })}</dd>
      </dl>
    </section>
  );
}
