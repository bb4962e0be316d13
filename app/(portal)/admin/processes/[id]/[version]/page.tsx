import Link from 'next/link';
import { notFound } from 'next/navigation';
import { adminPageContext } from '@/lib/admin/admin-context';
import { hasSampleHistory } from '@/lib/admin/demo/load-demo-history';
import { env } from '@/lib/env';
import { loadGroupSizes } from '@/lib/admin/diagram/group-sizes';
import { layoutDiagram } from '@/lib/admin/diagram/layout-diagram';
import { heatScale } from '@/lib/admin/diagram/heat-scale';
import { formatDuration, stateHeatmap } from '@/lib/admin/heatmap';
import { parsePeriod, type Period } from '@/lib/admin/period';
import { isAppError } from '@/lib/errors';
import { pick } from '@/lib/i18n/translate';
import { getLabeler } from '@/lib/labels';
import { allDefinitions, getDefinition } from '@/workflows/registry';
import type { ProcessDefinition } from '@/workflows/engine/types';
import { OPERATION_LABELS, operationsOf } from '@/workflows/engine/operations';
import { stateMeta } from '@/workflows/engine/snapshot';
import { DiagramLegend } from '../../../_components/diagram-legend';
import { SampleBanner, SamplesField } from '../../../_components/sample-banner';
import { StatechartSvg, type StateFigures } from '../../../_components/statechart-svg';
import { ZoomPan } from '../../../_components/zoom-pan';

function findDefinition(id: string, version: string): ProcessDefinition {
  if (!/^\d{1,6}$/.test(version)) notFound();
  try {
    return getDefinition(id, Number(version));
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

/** The statechart of one definition version with its heatmap: instances there now, time spent there. */
export default async function DiagramPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; version: string }>;
  searchParams: Promise<{ from?: string; to?: string; by?: string; samples?: string }>;
}) {
  const { id, version } = await params;
  const query = await searchParams;
  const { t, scope, db, locale, now } = await adminPageContext();
  const definition = findDefinition(id, version);
  let period: Period;
  let periodError: string | null = null;
  try {
    period = parsePeriod(query, now, 90);
  } catch (error) {
    if (!isAppError(error)) throw error;
    periodError = error.userMessage?.[locale] ?? error.message;
    period = parsePeriod({}, now, 90);
  }
  // The demo history counts by default only in demo mode; elsewhere only when asked for.
  const samples = query.samples === 'include' ? true : query.samples === 'exclude' ? false : env().demoHistory;
  const L = await getLabeler(db, locale);
  // 会签 · 2 人: the group steps' member counts where they do not depend on the applicant.
  const sizes = await loadGroupSizes(db, definition);
  const [layout, heat, sampled] = await Promise.all([layoutDiagram(definition, L, sizes), stateHeatmap(db, scope, definition.id, definition.version, period, samples), hasSampleHistory(db)]);
  // Colour by instances waiting now (default), or by the p90 stay — where applications wait longest.
  const byP90 = query.by === 'p90';
  const scale = heatScale(byP90 ? 'p90' : 'now', heat.map((h) => (byP90 ? h.p90Seconds : h.now)));
  const figures: Record<string, StateFigures> = {};
  for (const node of layout.nodes) figures[node.path] = { now: 0, level: 0, fill: scale.classes[0]!.colour };
  for (const h of heat) {
    const level = scale.levelOf(byP90 ? h.p90Seconds : h.now);
    figures[h.state] = {
      now: h.now,
      median: h.medianSeconds === null ? undefined : formatDuration(h.medianSeconds, locale),
      p90: h.p90Seconds === null ? undefined : formatDuration(h.p90Seconds, locale),
      level,
      fill: scale.classes[level]!.colour,
    };
  }
  const byState = new Map(heat.map((h) => [h.state, h]));
  const title = t('admin.diagram.title', { process: pick(definition.title, locale), version: definition.version });
  const others = allDefinitions().filter((d) => d.id === definition.id && d.version !== definition.version);
  return (
    <>
      <p>
        <Link href="/admin/processes">← {t('admin.processes.title')}</Link>
      </p>
      <h1>{title}</h1>
      <SampleBanner db={db} t={t} />
      <form className="card filters" method="get" aria-label={t('admin.diagram.period')}>
        <div className="field">
          <label htmlFor="from">{t('admin.diagram.from')}</label>
          <input id="from" name="from" type="date" defaultValue={period.fromText} />
        </div>
        <div className="field">
          <label htmlFor="to">{t('admin.diagram.to')}</label>
          <input id="to" name="to" type="date" defaultValue={period.toText} />
        </div>
        <div className="field">
          <label htmlFor="by">{t('admin.diagram.colourBy')}</label>
          <select id="by" name="by" defaultValue={byP90 ? 'p90' : 'now'}>
            <option value="now">{t('admin.diagram.now')}</option>
            <option value="p90">{t('admin.diagram.p90')}</option>
          </select>
        </div>
        {sampled && <SamplesField t={t} included={samples} />}
        <button className="btn" type="submit">{t('admin.diagram.apply')}</button>
        <Link href={`/admin/instances?process=${definition.id}`}>{t('admin.diagram.search')}</Link>
      </form>
      {periodError && (
        <div className="alert error" role="alert">
          {periodError}
        </div>
      )}
      <section className="card" aria-labelledby="diagram-title">
        <h2 id="diagram-title">{t('admin.diagram.heatTitle')}</h2>
        <div data-testid="diagram">
          <ZoomPan
            fileName={`${definition.id}-v${definition.version}`}
            labels={{ zoomIn: t('admin.diagram.zoomIn'), zoomOut: t('admin.diagram.zoomOut'), reset: t('admin.diagram.reset'), exportSvg: t('admin.diagram.exportSvg'), exportPng: t('admin.diagram.exportPng'), keys: t('admin.diagram.keys') }}
          >
            <StatechartSvg layout={layout} figures={figures} countUnit={t('admin.diagram.countUnit')} title={title} />
          </ZoomPan>
        </div>
        <DiagramLegend t={t} locale={locale} heat={scale.classes} heatTitle={t(byP90 ? 'admin.diagram.heatP90' : 'admin.diagram.heatNow')} />
        <p className="hint">{t('admin.diagram.legend')}</p>
      </section>
      <section className="card table-wrap" aria-labelledby="heat-table" tabIndex={0}>
        <h2 id="heat-table">{t('admin.diagram.state')}</h2>
        <table className="data" data-testid="heat-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.diagram.state')}</th>
              <th scope="col" className="num">{t('admin.diagram.now')}</th>
              <th scope="col" className="num">{t('admin.diagram.stays')}</th>
              <th scope="col" className="num">{t('admin.diagram.median')}</th>
              <th scope="col" className="num">{t('admin.diagram.p90')}</th>
              <th scope="col">{t('taskOps.diagramOperations')}</th>
            </tr>
          </thead>
          <tbody>
            {layout.nodes
              .filter((n) => !n.container)
              .map((n) => {
                const h = byState.get(n.path);
                return (
                  <tr key={n.path} data-state={n.path}>
                    <th scope="row">{n.label}</th>
                    <td className="num" data-testid={`now-${n.path}`}>{h?.now ?? 0}</td>
                    <td className="num">{h?.stays ?? 0}</td>
                    <td className="num">{formatDuration(h?.medianSeconds ?? null, locale)}</td>
                    <td className="num">{formatDuration(h?.p90Seconds ?? null, locale)}</td>
                    <td data-testid={`ops-${n.path}`}>
                      {operationsOf(stateMeta(definition.machine, n.path))
                        .map((op) => OPERATION_LABELS[op][locale])
                        .join('、')}
                    </td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </section>
      {others.length > 0 && (
        <p>
          {t('admin.diagram.versions')}:{' '}
          {others.map((d) => (
            <Link key={d.version} href={`/admin/processes/${d.id}/${d.version}`}>
              v{d.version}{' '}
            </Link>
          ))}
        </p>
      )}
    </>
  );
}
