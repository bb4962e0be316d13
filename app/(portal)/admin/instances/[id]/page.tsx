import Link from 'next/link';
import { notFound } from 'next/navigation';
import { adminPageContext } from '@/lib/admin/admin-context';
import { loadGroupSizes } from '@/lib/admin/diagram/group-sizes';
import { layoutDiagram } from '@/lib/admin/diagram/layout-diagram';
import { getInstanceDetail, type InstanceDetail } from '@/lib/admin/get-instance-detail';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/i18n/format';
import { pick } from '@/lib/i18n/translate';
import { getLabeler } from '@/lib/labels';
import { getDefinition } from '@/workflows/registry';
import { DiagramLegend } from '../../_components/diagram-legend';
import { InstanceOperations } from '../../_components/instance-operations';
import { Replay, type ReplayEvent } from '../../_components/replay';

/** One instance: facts, hash-chain verdict, replay over its diagram, event log, tasks, operations. */
export default async function AdminInstancePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { t, scope, db, locale, isOperator } = await adminPageContext();
  let detail: InstanceDetail;
  try {
    detail = await getInstanceDetail(db, scope, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  const { instance, events, chain } = detail;
  const definition = getDefinition(instance.processId, instance.processVersion);
  const L = await getLabeler(db, locale);
  // One applicant: every group step's members are known (会签 · 2 人, 或签 · 1 人) — unless the
  // applicant is hidden (an anonymous letter): then as on the definition's diagram.
  const applicant = instance.applicantOrgId ? { id: instance.applicantId, orgUnitId: instance.applicantOrgId } : undefined;
  const layout = await layoutDiagram(definition, L, await loadGroupSizes(db, definition, applicant));
  const replayEvents: ReplayEvent[] = events.map((e) => ({
    seq: e.seq,
    type: e.type,
    label: L.event(definition, e.type, e.fromState),
    fromState: e.fromState,
    toState: e.toState,
    at: formatDateTime(e.at.toISOString(), locale),
    actor: e.actorName ? `${e.actorName}（${L.role(e.actorRole)}）` : L.role(e.actorRole),
    comment: e.comment,
    attachments: ((e.payload as { attachments?: Array<{ filename: string }> }).attachments ?? []).map((a) => a.filename),
  }));
  const title = pick(instance.title, locale);
  const stateLabel = (key: string) => L.state(definition, key);
  return (
    <>
      <p>
        <Link href="/admin/instances">← {t('admin.instances.title')}</Link>
      </p>
      <h1>{title}</h1>
      <section className="card">
        <dl className="facts">
          {instance.caseNo ? (
            <>
              <dt>{t('applicant.caseNo')}</dt>
              <dd data-testid="case-no">{instance.caseNo}</dd>
            </>
          ) : null}
          <dt>{t('admin.instance.process')}</dt>
          <dd>
            <Link href={`/admin/processes/${instance.processId}/${instance.processVersion}`}>
              {pick(definition.title, locale)} v{instance.processVersion}
            </Link>
          </dd>
          <dt>{t('admin.instance.state')}</dt>
          <dd data-testid="admin-current-state">{stateLabel(instance.state)}</dd>
          <dt>{t('admin.instance.status')}</dt>
          <dd>{L.status(instance.status)}</dd>
          <dt>{t('admin.instance.applicant')}</dt>
          <dd>
            {detail.applicant ? (
              <>
                {detail.applicant.name} (<span translate="no">{detail.applicant.username}</span>)
              </>
            ) : (
              '—'
            )}
          </dd>
          <dt>{t('admin.instance.created')}</dt>
          <dd>{formatDateTime(instance.createdAt.toISOString(), locale)}</dd>
        </dl>
        <p data-testid="chain" className={chain.ok ? 'chain-ok' : 'chain-broken'} role="status">
          {chain.ok ? t('admin.instance.chainOk', { n: events.length }) : t('admin.instance.chainBroken', { seq: chain.firstBrokenSeq ?? '?' })}
        </p>
      </section>
      <Replay
        layout={layout}
        events={replayEvents}
        title={title}
        legend={<DiagramLegend t={t} locale={locale} path />}
        fileName={instance.caseNo ?? `${instance.processId}-${instance.id.slice(0, 8)}`}
        labels={{
          step: t('admin.instance.step'),
          prev: t('admin.instance.prev'),
          next: t('admin.instance.next'),
          replay: t('admin.instance.replay'),
          events: t('admin.instance.events'),
          seq: t('admin.instance.seq'),
          at: t('admin.instance.at'),
          actor: t('admin.instance.actor'),
          event: t('admin.instance.event'),
          transition: t('admin.instance.transition'),
          comment: t('admin.instance.comment'),
          attachments: t('admin.instance.attachments'),
          zoomIn: t('admin.diagram.zoomIn'),
          zoomOut: t('admin.diagram.zoomOut'),
          reset: t('admin.diagram.reset'),
          exportSvg: t('admin.diagram.exportSvg'),
          exportPng: t('admin.diagram.exportPng'),
          keys: t('admin.diagram.keys'),
        }}
      />
      <section className="card table-wrap" aria-labelledby="tasks-title">
        <h2 id="tasks-title">{t('admin.instance.tasks')}</h2>
        <table className="data" data-testid="admin-tasks">
          <thead>
            <tr>
              <th scope="col">{t('admin.instance.state')}</th>
              <th scope="col">{t('admin.instance.role')}</th>
              <th scope="col">{t('admin.instance.assignee')}</th>
              <th scope="col">{t('admin.instance.status')}</th>
              <th scope="col">{t('admin.instance.due')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.tasks.map((task) => (
              <tr key={task.id}>
                <td>{stateLabel(task.state)}</td>
                <td>{task.orgUnitId ? L.scope(task.role, task.orgUnitId) : L.role(task.role)}</td>
                <td>{task.assigneeName ?? t('admin.instance.candidates')}</td>
                <td>{L.status(task.status)}</td>
                <td>{task.dueAt ? formatDateTime(task.dueAt.toISOString(), locale) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {isOperator ? (
        instance.status === 'active' && (
          <InstanceOperations
            instanceId={instance.id}
            revision={instance.revision}
            tasks={detail.tasks.filter((k) => k.status === 'open' && k.role !== 'applicant').map((k) => ({ id: k.id, label: `${stateLabel(k.state)} · ${k.orgUnitId ? L.scope(k.role, k.orgUnitId) : L.role(k.role)}` }))}
            labels={{
              title: t('admin.instance.operations'),
              reassign: t('admin.instance.reassign'),
              reassignTo: t('admin.instance.reassignTo'),
              cancel: t('admin.instance.cancel'),
              cancelReason: t('admin.instance.cancelReason'),
              network: t('errors.INTERNAL'),
              task: t('admin.instance.tasks'),
            }}
          />
        )
      ) : (
        <p className="hint">{t('admin.instance.readOnly')}</p>
      )}
    </>
  );
}
