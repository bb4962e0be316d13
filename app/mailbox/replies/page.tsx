import type { Metadata } from 'next';
import { getDb } from '@/lib/db';
import { formatDate } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { showText } from '@/lib/mailbox/display';
import { listPublicLetters } from '@/lib/mailbox/publications';
import { LETTER_CATEGORIES } from '@/workflows/presidents-mailbox/form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('mailbox.publicReplies') };
}

/** 公开回复: published, anonymised letters and replies; search by category and text (GET form). */
export default async function PublicRepliesPage({ searchParams }: { searchParams: Promise<{ category?: string; q?: string }> }) {
  const { t, locale } = await getTranslator();
  const { category, q } = await searchParams;
  const letters = await listPublicLetters(await getDb(), { category, q });
  return (
    <>
      <h1>{t('mailbox.publicReplies')}</h1>
      <form className="card" method="get" role="search">
        <div className="field">
          <label htmlFor="category">{t('mailbox.category')}</label>
          <select id="category" name="category" defaultValue={category ?? ''}>
            <option value="">{t('mailbox.allCategories')}</option>
            {LETTER_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`mailbox.categories.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="q">{t('mailbox.search')}</label>
          <input id="q" name="q" type="text" defaultValue={q ?? ''} maxLength={50} placeholder={t('mailbox.searchPlaceholder')} />
        </div>
        <button className="btn" type="submit">
          {t('mailbox.search')}
        </button>
      </form>
      {letters.length === 0 ? <p className="empty">{t('mailbox.noPublic')}</p> : null}
      {letters.map((l) => (
        <article className="card" key={l.id} data-testid="public-letter">
          <h2>{showText(l.subject)}</h2>
          <p className="muted">
            <span className="chip">{t(`mailbox.categories.${l.category as 'other'}`)}</span> {formatDate(l.publishedAt, locale)}
          </p>
          <p className="mb-text">{showText(l.content)}</p>
          <h3 style={{ marginTop: 12 }}>{t('mailbox.reply')}</h3>
          <p className="mb-text">{showText(l.reply)}</p>
        </article>
      ))}
    </>
  );
}
