import { sql, type SQL } from 'drizzle-orm';
import { notifyPreferences, outbox, type NotifyChannel } from '@/db/schema';
import { isUrgent, notBefore } from './schedule';

export interface PlanContext {
  /** The channels configured on this installation. */
  channels: NotifyChannel[];
  quietHours: { start: number; end: number } | null;
  now: Date;
  /** When a delivery outside quiet hours is due (default now; a fan-out passes its own row's time). */
  dueAt?: Date;
}

/**
 * The one rule for which channels an in-app message goes out on, as one INSERT … SELECT into the
 * outbox: one row per (message, configured channel), kind = the channel, keyed by both (so it is
 * written once). Pending — held until quiet hours end unless urgent — or skipped with the reason
 * when the person turned the channel off or muted the kind (urgent cuts through a muted kind, not
 * through a channel turned off). `source` names a relation with columns `id` (message) and
 * `user_id`, e.g. the RETURNING of the INSERT that wrote a bulk notice's messages, or one message.
 * Preferences are joined in the database, so no row travels to the app and back.
 */
export function planDeliveriesSql(source: SQL, m: { kind: string; params: Record<string, string> }, ctx: PlanContext): SQL | null {
  if (ctx.channels.length === 0) return null;
  const urgent = isUrgent(m.kind, m.params);
  const held = notBefore(ctx.now, ctx.quietHours, urgent);
  const due = (held.getTime() === ctx.now.getTime() ? (ctx.dueAt ?? ctx.now) : held).toISOString();
  const off = sql`(p.user_id is not null and not (p.channels @> jsonb_build_array(c.channel)))`;
  const muted = urgent ? sql`false` : sql`coalesce(p.muted_kinds @> jsonb_build_array(${m.kind}::text), false)`;
  return sql`insert into ${outbox} (kind, key, payload, message_id, user_id, status, note, not_before, created_at)
    select c.channel, c.channel || ':' || s.id::text, '{}'::jsonb, s.id, s.user_id,
      case when ${off} or ${muted} then 'skipped' else 'pending' end,
      case when ${off} then 'channel off in settings' when ${muted} then 'kind muted in settings' end,
      ${due}::timestamptz, ${ctx.now.toISOString()}::timestamptz
    from ${source} s
    cross join jsonb_array_elements_text(${JSON.stringify(ctx.channels)}::jsonb) as c(channel)
    left join ${notifyPreferences} p on p.user_id = s.user_id
    on conflict (key) do nothing`;
}
