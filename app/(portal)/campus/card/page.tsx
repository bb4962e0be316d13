import { requireUserPage } from '@/lib/auth/current-user';
import { myRows } from '@/lib/campus/campus-page-data';
import { formatMoney } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import '../campus.css';

interface Txn {
  txnId: string;
  time: string;
  merchant: string;
  amount: number;
  balance: number;
}

/** 校园卡: the holder's own transactions, newest first, and the latest balance. */
export default async function CardPage() {
  const user = await requireUserPage();
  const { t } = await getTranslator();
  const txns = (await myRows<Txn>(user, 'card')).sort((a, b) => b.time.localeCompare(a.time));
  return (
    <>
      <h1>{t('integrations.campus.card')}</h1>
      {txns[0] ? (
        <p className="card">
          {t('integrations.campus.balance')}：<strong>{formatMoney(txns[0].balance)}</strong>
        </p>
      ) : null}
      <section className="card">
        {txns.length === 0 ? (
          <p className="muted">{t('integrations.campus.empty')}</p>
        ) : (
          <ul className="campus-rows">
            {txns.map((x) => (
              <li key={x.txnId}>
                <span className="main">
                  {x.merchant}
                  <span className="sub">{x.time}</span>
                </span>
                {/* A statement's way: -¥32.00 spent, +¥200.00 topped up. */}
                <span className={`value${x.amount > 0 ? ' amount-in' : ''}`}>
                  {x.amount > 0 ? '+' : ''}
                  {formatMoney(x.amount)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
