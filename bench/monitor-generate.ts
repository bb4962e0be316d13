import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { withRollupTriggersOff } from './rollup-triggers';

/**
 * Generates a monitoring dataset with set-based SQL (generate_series), fast enough for
 * 1 M instances and 10 M events: a mix over processes and colleges shaped like a term's
 * calendar (a third of the year's instances in the first month of term, office hours,
 * weekdays heavier), ~6 % still running, each instance with `eventsPer` log rows and
 * `tasksPer` task rows. Hashes are random: the chain is not meant to verify here.
 * The rollup triggers are off while the rows go in (one set-based rebuild afterwards is
 * far quicker than 14 M row triggers); the caller rebuilds the rollup.
 */
export async function generateMonitorData(db: Db, o: { instances: number; eventsPer: number; tasksPer: number; termStart: string }): Promise<void> {
  await withRollupTriggersOff(db, () => insertRows(db, o));
}

async function insertRows(db: Db, o: { instances: number; eventsPer: number; tasksPer: number; termStart: string }): Promise<void> {
  const processes = sql.raw(
    `array['fitness-test-exemption','medical-insurance-optout','cadre-leave','cadre-away-report','cadre-travel-abroad','president-mailbox','dorm-repair','furniture-repair','fire-equipment','housing-payment-notice']`,
  );
  const states = sql.raw(`array['counselorReview','hospitalReview','sportsDecision','revising']`);
  await db.execute(sql`
    insert into users (username, name, kind, org_unit_id, active)
    select 'bench-' || g, '压测学生' || g, 'student', (select id from org_units where kind = 'college' order by id offset (g % 8) limit 1), false
    from generate_series(1, 2000) g
    on conflict do nothing`);
  await db.execute(sql`
    create temporary table bench_applicants as
    select row_number() over (order by id) as n, id, org_unit_id from users where username like 'bench-%'`);
  await db.execute(sql`
    insert into process_instances (id, process_id, process_version, snapshot, state, status, title, applicant_id, applicant_org_id,
      revision, last_hash, created_at, updated_at, state_since, completed_at)
    select i.iid, i.process_id, 1, '{}'::jsonb,
      case when status = 'active' then (${states})[1 + (g % 4)] when status = 'completed' then 'approved' when status = 'rejected' then 'rejected' else 'withdrawn' end,
      status, jsonb_build_object('zh', '压测办件', 'en', 'bench'), a.id, a.org_unit_id,
      ${o.eventsPer}, md5(g::text), created_at, created_at + interval '3 days', created_at + interval '1 day',
      case when status = 'active' then null else created_at + (1 + random() * 10) * interval '1 day' end
    from (
      select g, gen_random_uuid() as iid,
        (${processes})[1 + floor(power(random(), 1.6) * 10)::int] as process_id,
        case when r < 0.06 then 'active' when r < 0.80 then 'completed' when r < 0.93 then 'rejected' else 'withdrawn' end as status,
        -- A third in the first month of term, the rest over the next eight months; office hours.
        (${o.termStart}::timestamptz + case when random() < 0.33 then random() * 30 else 30 + random() * 240 end * interval '1 day')::date
          + (interval '1 hour' * (0 + floor(8 + power(random(), 0.8) * 13)) + random() * interval '1 hour') - interval '8 hours' as created_at
      from (select g, random() as r from generate_series(1, ${o.instances}) g) s
    ) i
    join bench_applicants a on a.n = 1 + (i.g % 2000)`);
  await db.execute(sql`
    insert into instance_events (instance_id, seq, type, actor_role, payload, from_state, to_state, at, prev_hash, hash)
    select i.id, s, case when s = 1 then 'submit' else 'approve' end, 'bench', '{}'::jsonb,
      case when s = 1 then null else (${states})[1 + ((s - 2) % 4)] end,
      case when s = ${o.eventsPer} then i.state else (${states})[1 + ((s - 1) % 4)] end,
      i.created_at + (s - 1) * interval '7 hours' + random() * interval '5 hours', md5(i.id::text || (s - 1)), md5(i.id::text || s)
    from process_instances i, generate_series(1, ${o.eventsPer}) s
    where i.title->>'en' = 'bench'`);
  await db.execute(sql`
    insert into tasks (instance_id, state, role, org_unit_id, actions, status, created_at, due_at, completed_at, outcome)
    select i.id, (${states})[1 + (k % 4)], 'handler', i.applicant_org_id, '["approve"]'::jsonb,
      case when i.status = 'active' and k = ${o.tasksPer} then 'open' else 'done' end,
      i.created_at + k * interval '7 hours', i.created_at + k * interval '7 hours' + interval '3 days',
      case when i.status = 'active' and k = ${o.tasksPer} then null else i.created_at + k * interval '7 hours' + random() * interval '60 hours' end,
      'approve'
    from process_instances i, generate_series(1, ${o.tasksPer}) k
    where i.title->>'en' = 'bench'`);
  await db.execute(sql`analyze`);
}
