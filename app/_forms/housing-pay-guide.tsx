import { formatMoney } from '@/lib/i18n/format';
import type { Translator } from '@/lib/i18n/translate';
import type { InstanceView } from '@/lib/instances/get-instance-view';

/** 如何缴费 on the tenant's notice: what to pay by when, the two ways to pay, then the receipt. */
export function HousingPayGuide({ t, view, today }: { t: Translator; view: InstanceView; today: string }) {
  const due = String(view.form.dueDate ?? '');
  return (
    <section className="card pay-guide" aria-labelledby="pay-guide-title" data-testid="pay-guide">
      <h2 id="pay-guide-title">{t('housing.pay.title')}</h2>
      <dl className="facts">
        <dt>{t('housing.pay.amount')}</dt>
        <dd>
          <strong>{formatMoney(String(view.form.amount ?? ''))}</strong>
        </dd>
        <dt>{t('housing.pay.due')}</dt>
        <dd>{due}</dd>
      </dl>
      {due && due < today ? (
        <p className="alert error" role="status">
          {t('housing.pay.overdue')}
        </p>
      ) : null}
      <ol>
        <li>{t('housing.pay.online', { room: String(view.form.room ?? '') })}</li>
        <li>{t('housing.pay.counter')}</li>
        <li>{t('housing.pay.after')}</li>
      </ol>
      <p className="muted">{t('housing.pay.contact')}</p>
    </section>
  );
}
