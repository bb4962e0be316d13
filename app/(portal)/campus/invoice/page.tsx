import { requireUserPage } from '@/lib/auth/current-user';
import { INVOICE_DETAILS, invoiceQrSvg } from '@/lib/campus/invoice-details';
import { getTranslator } from '@/lib/i18n/server';
import { CopyButton } from '../../../_components/copy-button';
import '../campus.css';

/** 发票助手: the university's invoicing details, each with a copy button, and a QR code of all. */
export default async function InvoicePage() {
  await requireUserPage();
  const { t } = await getTranslator();
  const svg = await invoiceQrSvg();
  const rows = [
    ['invoiceName', INVOICE_DETAILS.name],
    ['invoiceTaxId', INVOICE_DETAILS.taxId],
    ['invoiceAddress', INVOICE_DETAILS.address],
    ['invoiceBank', INVOICE_DETAILS.bank],
  ] as const;
  return (
    <>
      <h1>{t('integrations.campus.invoice')}</h1>
      <section className="card">
        <p className="muted">{t('integrations.campus.invoiceIntro')}</p>
        {rows.map(([key, value]) => (
          <div key={key} className="invoice-row">
            <div>
              <span className="muted">{t(`integrations.campus.${key}`)}</span>
              <br />
              <strong>{value}</strong>
            </div>
            <CopyButton value={value} name={t(`integrations.campus.${key}`)} label={t('integrations.tokens.copy')} doneLabel={t('integrations.tokens.copied')} />
          </div>
        ))}
      </section>
      <section className="card" aria-label={t('integrations.campus.qrHint')}>
        {/* Generated on the server by the qrcode package from constant text, not from user input. */}
        <div className="invoice-qr" role="img" aria-label={t('integrations.campus.qrHint')} dangerouslySetInnerHTML={{ __html: svg }} />
        <p className="muted" style={{ textAlign: 'center' }}>
          {t('integrations.campus.qrHint')}
        </p>
      </section>
    </>
  );
}
