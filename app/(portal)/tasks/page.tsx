import Link from 'next/link';
import { requireUserPage } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import { listTasks, type TaskItem } from '@/lib/instances/list-tasks';
import '../portal.css';

/** Keeps tasks of one process and/or whose title or applicant contains the keyword. */
function filterTasks(tasks: TaskItem[], process: string | undefined, q: string): TaskItem[] {
  const needle = q.trim().toLowerCase();
  return tasks.filter(
    (task) =>
      (!process || task.process === process) &&
      (!needle || [task.title.zh, task.title.en, task.applicantName ?? ''].some((s) => s.toLowerCase().includes(needle))),
  );
}

export default async function TasksPage({ searchParams }: { searchParams: Promise<{ status?: string; process?: string; q?: string }> }) {
  const user = await requireUserPage();
  const sp = await searchParams;
  const status = sp.status === 'done' ? 'done' : 'open';
  const { t, locale } = await getTranslator();
  const db = await getDb();
  const [open, done] = await Promise.all([listTasks(db, user, 'open', 1000), listTasks(db, user, 'done', 1000)]);
  const all = status === 'open' ? open : done;
  const processes = [...new Map(all.map((task) => [task.process, task.processTitle])).entries()];
  const process = processes.some(([id]) => id === sp.process) ? sp.process : undefined;
  const q = (sp.q ?? '').slice(0, 200);
  const tasks = filterTasks(all, process, q);
  const now = Date.now();
  return (
    <>
      <h1>{t('tasks.title')}</h1>
      <nav className="tabs" aria-label={t('tasks.title')}>
        <Link href="/tasks" aria-current={status === 'open' ? 'page' : undefined}>
          {t('tasks.open')} ({open.length})
        </Link>
        <Link href="/tasks?status=done" aria-current={status === 'done' ? 'page' : undefined}>
          {t('tasks.done')} ({done.length})
        </Link>
      </nav>
      <form action="/tasks" className="filters card">
        {status === 'done' ? <input type="hidden" name="status" value="done" /> : null}
        <label>
          {t('portal.allProcesses')}
          <select name="process" defaultValue={process ?? ''}>
            <option value="">{t('portal.allProcesses')}</option>
            {processes.map(([id, title]) => (
              <option key={id} value={id}>
                {pick(title, locale)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('portal.keyword')}
          <input type="text" name="q" defaultValue={q} maxLength={200} />
        </label>
        <div className="actions">
          <button className="btn" type="submit">
            {t('portal.filter')}
          </button>
          <span aria-live="polite">{t('portal.resultCount', { count: tasks.length })}</span>
        </div>
      </form>
      <section className="card">
        {tasks.length === 0 ? (
          <p className="empty">{status === 'open' ? t('tasks.empty') : t('tasks.emptyDone')}</p>
        ) : (
          <ul className="list" data-testid="task-list">
            {tasks.map((task) => (
              <li key={task.id}>
                <Link
                  className="list-link"
                  href={task.process === 'presidents-mailbox' ? `/mailbox-office/${task.instanceId}` : `/applications/${task.instanceId}`}
                >
                  <span className="grow">
                    <span className="title">{pick(task.title, locale)}</span>
                    <span className="sub">
                      {pick(task.stateLabel, locale)}
                      {task.applicantOrg ? ` · ${pick(task.applicantOrg, locale)}` : ''} ·{' '}
                      {formatDateTime(status === 'open' ? task.createdAt : (task.completedAt ?? task.createdAt), locale)}
                    </span>
                  </span>
                  {status === 'open' && task.dueAt && Date.parse(task.dueAt) < now ? (
                    <span className="chip danger">{t('instance.overdue')}</span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
