import { pick, type Locale } from '@/lib/i18n/translate';
import { currentDefinitions } from '@/workflows/registry';

/** The process filter of the admin's search forms: every process by its current title, or any. */
export function ProcessSelect({ label, anyLabel, value, locale }: { label: string; anyLabel: string; value: string | undefined; locale: Locale }) {
  return (
    <div className="field">
      <label htmlFor="process">{label}</label>
      <select id="process" name="process" defaultValue={value ?? ''}>
        <option value="">{anyLabel}</option>
        {currentDefinitions().map((d) => (
          <option key={d.id} value={d.id}>
            {pick(d.title, locale)}
          </option>
        ))}
      </select>
    </div>
  );
}
