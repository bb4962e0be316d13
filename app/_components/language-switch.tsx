import { setLocale } from '../actions/set-locale';

/** A plain form, so switching works without client JavaScript. */
export function LanguageSwitch({ target, label }: { target: 'zh' | 'en'; label: string }) {
  return (
    <form action={setLocale} className="lang-switch">
      <input type="hidden" name="locale" value={target} />
      <button type="submit" lang={target === 'zh' ? 'zh-CN' : 'en'} aria-label={label}>
        {target === 'zh' ? '中文' : 'EN'}
      </button>
    </form>
  );
}
