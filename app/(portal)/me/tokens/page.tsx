import { can } from '@/lib/policy';
import { requireUserPage } from '@/lib/auth/current-user';
import { DATASETS } from '@/lib/campus/datasets';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { listTokens } from '@/lib/tokens/list-tokens';
import { DATASET_IDS, TOKEN_SCOPES } from '@/lib/tokens/scopes';
import { RevokeButton } from './revoke-button';
import { TokenForm } from './token-form';

/** The user's API tokens: create (secret shown once), see use, revoke. */
export default async function TokensPage() {
  const user = await requireUserPage();
  const { t, locale } = await getTranslator();
  const db = await getDb();
  const [tokens, at] = await Promise.all([listTokens(db, user.id), now(db)]);
  const scopeLabel = (s: string) => {
    if (s === 'api') return t('integrations.tokens.scopeApi');
    if (s === 'open311') return t('integrations.tokens.scopeOpen311');
    const id = s.slice('dataset:'.length) as (typeof DATASET_IDS)[number];
    return t('integrations.tokens.scopeDataset', { name: DATASETS[id]?.title[locale] ?? id });
  };
  const scopes = TOKEN_SCOPES.filter((s) => can(user, 'token.issue', { kind: 'token', userId: user.id, scopes: [s] })).map((s) => ({ value: s, label: scopeLabel(s) }));
  const when = (d: Date | null) => (d ? formatDateTime(d.toISOString(), locale) : t('integrations.tokens.never'));
  return (
    <>
      <h1>{t('integrations.tokens.title')}</h1>
      <section className="card">
        <p className="muted">{t('integrations.tokens.intro')}</p>
        <TokenForm
          scopes={scopes}
          labels={{
            name: t('integrations.tokens.name'),
            scopes: t('integrations.tokens.scopes'),
            expires: t('integrations.tokens.expires'),
            create: t('integrations.tokens.create'),
            created: t('integrations.tokens.created'),
            copy: t('integrations.tokens.copy'),
            copied: t('integrations.tokens.copied'),
            network: t('errors.network'),
          }}
        />
      </section>
      <section className="card" aria-label={t('integrations.tokens.title')}>
        {tokens.length === 0 ? (
          <p className="muted">{t('integrations.tokens.none')}</p>
        ) : (
          <ul className="list">
            {tokens.map((tok) => {
              const state = tok.revokedAt ? 'revoked' : tok.expiresAt && tok.expiresAt <= at ? 'expired' : 'active';
              return (
                <li key={tok.id} style={{ padding: '10px 0', display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <strong>{tok.name}</strong> <code>{tok.prefix}…</code>{' '}
                    <span className={`chip ${state === 'active' ? 'ok' : 'danger'}`}>{t(`integrations.tokens.${state}`)}</span>
                    <div className="muted" style={{ fontSize: '0.85rem' }}>
                      {tok.scopes.map(scopeLabel).join('、')} · {t('integrations.tokens.expiresAt')} {when(tok.expiresAt)} ·{' '}
                      {t('integrations.tokens.lastUsed')} {when(tok.lastUsedAt)} · {t('integrations.tokens.uses')} {tok.uses}
                    </div>
                  </div>
                  {state === 'active' ? <RevokeButton tokenId={tok.id} name={tok.name} label={t('integrations.tokens.revoke')} /> : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
