import type { Db } from '@/db/client';
import type { Translator } from '@/lib/i18n/translate';
import { hasSampleHistory } from '@/lib/admin/demo/load-demo-history';

/** Says so plainly when this database holds the generated demo history. */
export async function SampleBanner({ db, t }: { db: Db; t: Translator }) {
  if (!(await hasSampleHistory(db))) return null;
  return (
    <p className="sample-banner" role="note" data-testid="sample-banner">
      {t('admin.sampleData')}
    </p>
  );
}

/** The filter-form field that counts the sample history in, or leaves it out. */
export function SamplesField({ t, included }: { t: Translator; included: boolean }) {
  return (
    <div className="field">
      <label htmlFor="samples">{t('admin.samples.label')}</label>
      <select id="samples" name="samples" defaultValue={included ? 'include' : 'exclude'}>
        <option value="exclude">{t('admin.samples.exclude')}</option>
        <option value="include">{t('admin.samples.include')}</option>
      </select>
    </div>
  );
}
