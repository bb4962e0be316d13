import type { GroupProgress, MemberStatus } from '@/lib/instances/group-progress';
import type { TimelineEntry } from '@/lib/instances/get-instance-view';
import { formatDateTime } from '@/lib/i18n/format';
import { pick, type Locale, type Translator } from '@/lib/i18n/translate';

const STATUS_KEY = {
  approved: 'group.approved',
  against: 'group.against',
  closed: 'group.closed',
  pending: 'group.pending',
  waiting: 'group.waiting',
} as const satisfies Record<MemberStatus, string>;

/** The tally a member's act left, after its action in the timeline: 同意（1/2）, 不同意（反对 1/3）. */
export function voteText(vote: NonNullable<TimelineEntry['vote']>, t: Translator): string {
  return vote.yes === false ? t('group.againstOf', { against: vote.against, of: vote.of }) : t('group.approvedOf', { approved: vote.approved, of: vote.of });
}

/** A group step (会签/或签/依次) the application waits in: who of the group has acted, who is pending. */
export function GroupCard({ progress, locale, t }: { progress: GroupProgress; locale: Locale; t: Translator }) {
  const id = `group-${progress.state.replace(/\W/g, '-')}`;
  return (
    <section className="card" aria-labelledby={id} data-testid="group-progress">
      <h2 id={id}>{t('group.title', { step: pick(progress.stateLabel, locale) })}</h2>
      <p className="muted">
        {t('group.summary', { badge: pick(progress.badge, locale), approved: progress.approved, needed: progress.needed })}
      </p>
      <dl className="facts">
        {progress.members.map((m, i) => (
          <div key={i} style={{ display: 'contents' }} data-status={m.status}>
            <dt>{m.name ?? t('group.someone', { n: i + 1 })}</dt>
            <dd>
              {t(STATUS_KEY[m.status])}
              {m.at ? ` · ${formatDateTime(m.at, locale)}` : ''}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
