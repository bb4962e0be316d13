import { setLocale } from '../actions/set-locale';

/** A plain form, so switching works without client JavaScript. */
export function LanguageSwitch({ target, label }: { target: 'zh' | 'en'; label: string }) {
  return (
    <form action={setLocale} className="lang-switch">
      <input type="hidden" name="locale" value={target} />
      <button type="submit">
        {/* The visible word stays inside the accessible name (WCAG 2.5.3 label in name). */}
        <span className="sr-only">{label}: </span>
        <span lang={target === 'zh' ? 'zh-CN' : 'en'}>{target === 'zh' ? '中文' : 'EN'}</span>
      </button>
    </form>
  );
}
