import Link from 'next/link';
import { requireUserPage } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import { listTasks } from '@/lib/instances/list-tasks';

export default async function TasksPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const user = await requireUserPage();
  const status = (await searchParams).status === 'done' ? 'done' : 'open';
  const { t, locale } = await getTranslator();
  const tasks = await listTasks(await getDb(), user, status);
  const now = Date.now();
  return (
    <>
      <h1>{t('tasks.title')}</h1>
      <nav className="tabs" aria-label={t('tasks.title')}>
        <Link href="/tasks" aria-current={status === 'open' ? 'page' : undefined}>
          {t('tasks.open')}
        </Link>
        <Link href="/tasks?status=done" aria-current={status === 'done' ? 'page' : undefined}>
          {t('tasks.done')}
        </Link>
      </nav>
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
