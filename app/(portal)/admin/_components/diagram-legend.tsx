import type { HeatClass } from '@/lib/admin/diagram/heat-scale';
import type { Locale, Translator } from '@/lib/i18n/translate';

/** A small picture of a diagram symbol, beside its words. */
function Symbol({ children }: { children: React.ReactNode }) {
  return (
    <svg width="30" height="18" viewBox="0 0 30 18" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/**
 * What the diagram's marks and colours mean, in words: statechart symbols always, the heat
 * classes with their thresholds when the diagram is coloured, the path when it shows one.
 */
export function DiagramLegend({ t, locale, heat, heatTitle, path = false }: { t: Translator; locale: Locale; heat?: HeatClass[]; heatTitle?: string; path?: boolean }) {
  return (
    <div aria-label={t('admin.diagram.legendTitle')} role="group">
      <ul className="diagram-legend">
        <li>
          <Symbol>
            <circle cx="6" cy="9" r="5" fill="#111827" />
            <path d="M12 9 H28" stroke="#111827" strokeWidth="1.4" />
          </Symbol>
          {t('admin.diagram.legendInitial')}
        </li>
        <li>
          <Symbol>
            <rect x="1" y="1" width="28" height="16" rx="8" fill="#f1f5f9" stroke="#111827" strokeWidth="1.4" />
            <rect x="4" y="4" width="22" height="10" rx="5" fill="none" stroke="#111827" />
          </Symbol>
          {t('admin.diagram.legendFinal')}
        </li>
        {path && (
          <>
            <li>
              <Symbol>
                <rect x="1" y="1" width="28" height="16" rx="4" fill="#dbeafe" stroke="#1d4ed8" strokeWidth="2.5" />
              </Symbol>
              {t('admin.diagram.legendCurrent')}
            </li>
            <li>
              <Symbol>
                <path d="M1 9 H29" stroke="#1d4ed8" strokeWidth="2.6" />
              </Symbol>
              {t('admin.diagram.legendPath')}
            </li>
          </>
        )}
        <li>
          <Symbol>
            <path d="M15 1 V17" stroke="#64748b" strokeWidth="1.4" strokeDasharray="4 3" />
          </Symbol>
          {t('admin.diagram.legendParallel')}
        </li>
        <li>{t('admin.diagram.legendCondition')}</li>
      </ul>
      {heat && (
        <ul className="diagram-legend" data-testid="heat-legend">
          <li>
            <strong>{heatTitle}</strong>
          </li>
          {heat.map((c) => (
            <li key={c.level} data-level={c.level}>
              <span className="swatch" style={{ background: c.colour }} />
              {c.label[locale]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
