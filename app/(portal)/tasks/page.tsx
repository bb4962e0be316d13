import Link from 'next/link';
import { saveTaskFiltersAction } from '@/app/actions/task-filters';
import { requireUserPage } from '@/lib/auth/current-user';
import { now as clockNow } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { countText, LIST_CAP, pageOf } from '@/lib/paging';
import { statusLabel } from '@/lib/labels';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import { listApplications } from '@/lib/instances/list-applications';
import { listCopies } from '@/lib/instances/list-copies';
import { listTasks, type TaskItem } from '@/lib/instances/list-tasks';
import { tabCounts } from '@/lib/instances/tab-counts';
import {
  applyTaskFilters,
  filterChoices,
  isOverdue,
  loadTaskFilters,
  taskFiltersSchema,
  WAITING_DAYS,
  type Filterable,
  type TaskFilters,
  type TaskTab,
} from '@/lib/instances/task-filters';
import { stateMeta } from '@/workflows/engine/snapshot';
import { getDefinition } from '@/workflows/registry';
import { BATCH_LIMIT } from '@/workflows/engine/batch-act';
import { TaskList, type BatchConfig, type TaskRowView } from './task-list';
import '../portal.css';
import './tasks.css';

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const TABS: TaskTab[] = ['open', 'done', 'mine', 'cc'];
const FILTER_KEYS = ['process', 'step', 'waitingDays', 'overdue'] as const;
/** Rows per page (a batch view pages by the batch limit). */
const PAGE_SIZE = 50;

/** Keeps rows whose title, applicant or 流水号 contains the keyword (from the address only: not kept). */
function matches(q: string, ...texts: Array<string | null | undefined>): boolean {
  const needle = q.trim().toLowerCase();
  return !needle || texts.some((s) => (s ?? '').toLowerCase().includes(needle));
}

const taskHref = (task: TaskItem) => (task.process === 'presidents-mailbox' ? `/mailbox-office/${task.instanceId}` : `/applications/${task.instanceId}`);

export default async function TasksPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await requireUserPage();
  const sp = await searchParams;
  const tab: TaskTab = (TABS as string[]).includes(first(sp.status) ?? '') ? (first(sp.status) as TaskTab) : 'open';
  const { t, locale } = await getTranslator();
  const db = await getDb();
  // The rows of the tab shown (its filters need them all, up to LIST_CAP); every tab is counted
  // in the database, so its figure is the same whichever tab is open.
  const none = Promise.resolve([]);
  const [open, done, mine, copies, counts, saved, at] = await Promise.all([
    tab === 'open' ? listTasks(db, user, 'open', LIST_CAP) : none,
    tab === 'done' ? listTasks(db, user, 'done', LIST_CAP) : none,
    tab === 'mine' ? listApplications(db, user, LIST_CAP) : none,
    tab === 'cc' ? listCopies(db, user, LIST_CAP) : none,
    tabCounts(db, user),
    loadTaskFilters(db, user.id),
    clockNow(db),
  ]);
  const now = at.getTime();
  // Filters in the address (a shared link, a test) win; otherwise the ones this person kept.
  const inAddress = FILTER_KEYS.some((k) => first(sp[k]) !== undefined);
  const parsed = taskFiltersSchema.safeParse(Object.fromEntries(FILTER_KEYS.map((k) => [k, first(sp[k])])));
  const chosen: TaskFilters = inAddress ? (parsed.success ? parsed.data : {}) : saved[tab];
  const q = (first(sp.q) ?? '').slice(0, 200);

  type Row = Filterable & { row: TaskRowView; actions?: string[] };
  const taskRows = (list: TaskItem[]): Row[] =>
    list
      .filter((task) => matches(q, task.title.zh, task.title.en, task.applicantName, task.caseNo))
      .map((task) => ({
        process: task.process,
        processTitle: task.processTitle,
        state: task.state,
        stateLabel: task.stateLabel,
        waitingSince: task.createdAt,
        dueAt: tab === 'open' ? task.dueAt : null,
        actions: task.actions.map((a) => a.type),
        row: {
          key: task.id,
          taskId: tab === 'open' ? task.id : undefined,
          href: taskHref(task),
          title: pick(task.title, locale),
          caseNo: task.caseNo,
          step: pick(task.stateLabel, locale),
          who: [task.applicantName, task.applicantOrg ? pick(task.applicantOrg, locale) : null].filter(Boolean).join(' · '),
          when:
            tab === 'open'
              ? t('approvals.row.receivedAt', { date: formatDateTime(task.createdAt, locale) })
              : t('approvals.row.handledAt', { date: formatDateTime(task.completedAt ?? task.createdAt, locale) }),
          overdue: tab === 'open' && isOverdue(task, now),
        },
      }));
  const all: Row[] =
    tab === 'open'
      ? taskRows(open)
      : tab === 'done'
        ? taskRows(done)
        : tab === 'cc'
          ? copies
              .filter((c) => matches(q, c.title.zh, c.title.en, c.caseNo))
              .map((c) => ({
                process: c.process,
                processTitle: c.processTitle,
                state: c.state,
                stateLabel: c.stepLabel,
                waitingSince: c.copiedAt,
                dueAt: null,
                row: {
                  key: c.instanceId,
                  href: `/applications/${c.instanceId}`,
                  title: pick(c.title, locale),
                  caseNo: c.caseNo,
                  step: t('approvals.row.current', { step: pick(c.stepLabel, locale) }),
                  who: pick(c.why, locale),
                  when: t('approvals.row.copiedAt', { date: formatDateTime(c.copiedAt, locale) }),
                  overdue: false,
                  unread: c.unread,
                },
              }))
          : mine
            .filter((a) => matches(q, a.title.zh, a.title.en, a.caseNo))
            .map((a) => ({
              process: a.process,
              processTitle: a.processTitle,
              state: a.state,
              stateLabel: a.stepLabel,
              waitingSince: a.stateSince,
              dueAt: null,
              row: {
                key: a.id,
                href: `/applications/${a.id}`,
                title: pick(a.title, locale),
                caseNo: a.caseNo,
                step: t('approvals.row.current', { step: pick(a.stepLabel, locale) }),
                who: `${pick(a.processTitle, locale)} · ${pick(statusLabel(a.status), locale)}`,
                when: t('approvals.row.submittedAt', { date: formatDateTime(a.createdAt, locale) }),
                overdue: false,
              },
            }));
  const { processes, steps } = filterChoices(all, chosen.process);
  const filters: TaskFilters = {
    ...chosen,
    process: processes.some(([id]) => id === chosen.process) ? chosen.process : undefined,
    step: chosen.process && steps.some(([id]) => id === chosen.step) ? chosen.step : undefined,
  };
  const shown = applyTaskFilters(all, filters, now);

  // 批量审批: on 待办, one step of one process chosen, and that step's meta allows it.
  const taskMeta = tab === 'open' && filters.process && filters.step ? stateMeta(getDefinition(filters.process).machine, filters.step)?.task : undefined;
  const rule = taskMeta?.batch;
  const batchAction = rule ? taskMeta.actions.find((a) => a.type === rule.action) : undefined;
  const batch: BatchConfig | null =
    rule && batchAction && shown.length > 0
      ? {
          max: BATCH_LIMIT,
          confirmAttachments: rule.confirmAttachments ?? false,
          actionLabel: pick(batchAction.label, locale),
          text: {
            title: t('approvals.batch.title'),
            selectAll: t('approvals.batch.selectAll', { max: BATCH_LIMIT }),
            selected: t('approvals.batch.selected'),
            comment: t('approvals.batch.comment'),
            confirmAttachments: t('approvals.batch.confirmAttachments'),
            submit: t('approvals.batch.submit'),
            none: t('approvals.batch.none'),
            working: t('approvals.batch.working'),
            done: t('approvals.batch.done'),
            failed: t('approvals.batch.failed'),
            network: t('approvals.batch.network'),
            selectRow: t('approvals.batch.selectRow'),
          },
        }
      : null;
  // Without a step chosen, say where batches are possible (the first batchable step in the list).
  const batchable =
    tab === 'open' && !batch
      ? all.find((r) => stateMeta(getDefinition(r.process).machine, r.state)?.task?.batch)
      : undefined;

  // One page of rows: a thousand rows cost the server and a phone far more than anyone reads. A
  // batch view pages by the batch limit, so "select all" can take a whole batch.
  const pageSize = batch ? BATCH_LIMIT : PAGE_SIZE;
  const { rows: pageRows, page, pages, from, to } = pageOf(shown, first(sp.page), pageSize);
  const pageHref = (n: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(sp)) if (k !== 'page' && typeof v === 'string') params.set(k, v);
    if (n > 1) params.set('page', String(n));
    const query = params.toString();
    return query ? `/tasks?${query}` : '/tasks';
  };
  const withWaiting = tab === 'open' || tab === 'mine';
  const withOverdue = tab === 'open';
  const filtered = Object.values(filters).some((v) => v !== undefined);
  return (
    <>
      <h1>{t('tasks.title')}</h1>
      <nav className="tabs tab-bar" aria-label={t('tasks.title')}>
        {TABS.map((id) => (
          <Link key={id} href={id === 'open' ? '/tasks' : `/tasks?status=${id}`} aria-current={tab === id ? 'page' : undefined}>
            {t(`approvals.tabs.${id}`)} ({countText(counts[id])})
          </Link>
        ))}
      </nav>
      <form action={saveTaskFiltersAction} className="task-filters card" aria-label={t('approvals.filters.title')}>
        <input type="hidden" name="tab" value={tab} />
        <div>
          <label htmlFor="filter-process">{t('approvals.filters.process')}</label>
          <select id="filter-process" name="process" defaultValue={filters.process ?? ''}>
            <option value="">{t('approvals.filters.allProcesses')}</option>
            {processes.map(([id, title]) => (
              <option key={id} value={id}>
                {pick(title, locale)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-step">{t('approvals.filters.step')}</label>
          <select id="filter-step" name="step" defaultValue={filters.step ?? ''} disabled={!filters.process}>
            <option value="">{filters.process ? t('approvals.filters.allSteps') : t('approvals.filters.pickProcessFirst')}</option>
            {filters.process
              ? steps.map(([id, label]) => (
                  <option key={id} value={id}>
                    {pick(label, locale)}
                  </option>
                ))
              : null}
          </select>
        </div>
        {withWaiting ? (
          <div>
            <label htmlFor="filter-waitingDays">{t('approvals.filters.waiting')}</label>
            <select id="filter-waitingDays" name="waitingDays" defaultValue={filters.waitingDays?.toString() ?? ''}>
              <option value="">{t('approvals.filters.anyWaiting')}</option>
              {WAITING_DAYS.map((d) => (
                <option key={d} value={d}>
                  {t('approvals.filters.waitingMore', { days: d })}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {withOverdue ? (
          <label className="choice">
            <input type="checkbox" name="overdue" defaultChecked={filters.overdue ?? false} />
            {t('approvals.filters.overdue')}
          </label>
        ) : null}
        <div className="actions">
          <button className="btn" type="submit">
            {t('approvals.filters.save')}
          </button>
          {filtered ? (
            <button className="btn secondary" type="submit" name="clear" value="1">
              {t('approvals.filters.clear')}
            </button>
          ) : null}
          <span aria-live="polite" data-testid="result-count">
            {t('approvals.filters.count', { count: shown.length })}
          </span>
        </div>
      </form>
      {batchable ? (
        <p className="alert info">{t('approvals.batch.hint', { step: `${pick(batchable.processTitle, locale)} · ${pick(batchable.stateLabel, locale)}` })}</p>
      ) : null}
      <section className="card">
        {shown.length === 0 ? (
          <p className="empty">{filtered || q ? t('approvals.empty.filtered') : t(`approvals.empty.${tab}`)}</p>
        ) : (
          <TaskList
            key={`${tab}|${filters.process ?? ''}|${filters.step ?? ''}`}
            // A task out with a delegate or a before-signer offers no decision now: no box for it.
            rows={pageRows.map((r) => (rule && !r.actions?.includes(rule.action) ? { ...r.row, taskId: undefined } : r.row))}
            batch={batch}
            overdueText={t('approvals.row.overdue')}
            unreadText={t('approvals.copy.unread')}
            emptyText={t(`approvals.empty.${tab}`)}
          />
        )}
        {pages > 1 ? (
          <nav className="pager" aria-label={t('approvals.pager.label')}>
            {page > 1 ? (
              <Link href={pageHref(page - 1)} rel="prev">
                {t('approvals.pager.prev')}
              </Link>
            ) : null}
            <span aria-current="page" data-testid="pager-position">
              {t('approvals.pager.position', { page, pages, from, to, total: shown.length })}
            </span>
            {page < pages ? (
              <Link href={pageHref(page + 1)} rel="next">
                {t('approvals.pager.next')}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
