/**
 * 待办 at scale: generates users, instances, events and tasks with SQL (fast), then times the
 * task queries the home page and 待办 run, for a counselor, a 校医院 handler and a student.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { withRollupTriggersOff } from './rollup-triggers';
import { loadActor } from '@/lib/auth/load-actor';
import { countOpenTasks, listTasks } from '@/lib/instances/list-tasks';
import { percentile } from './stats';

export async function generateScale(db: Db, o: { users: number; instances: number; eventsPerInstance: number }): Promise<void> {
  // The monitoring rollup's triggers stay off while millions of rows go in: this database only
  // serves the 待办 timings and is dropped afterwards (bench/monitor-bench.ts times the rollup).
  await withRollupTriggersOff(db, () => insertScale(db, o));
}

async function insertScale(db: Db, o: { users: number; instances: number; eventsPerInstance: number }): Promise<void> {
  const rows = (r: unknown) => ((r as { rows?: unknown[] }).rows ?? (r as unknown[])) as Array<Record<string, unknown>>;
  const t = rows(await db.execute(sql`select snapshot, title from process_instances limit 1`))[0];
  if (!t) throw new Error('generateScale needs one real instance as a template');
  const colleges = rows(await db.execute(sql`select id from org_units where kind = 'college' order by id`)).map((r) => r.id as string);
  const collegeArray = `{${colleges.join(',')}}`;
  await db.execute(sql`insert into users (username, name, kind, org_unit_id, password_hash)
    select 'gen' || g, '学生' || g, case when g % 100 = 0 then 'staff' else 'student' end,
           (${collegeArray}::text[])[1 + g % ${colleges.length}], null
    from generate_series(1, ${o.users}) g`);
  // One counselor per college per 100 users (staff), as in a real college.
  await db.execute(sql`insert into role_bindings (user_id, role, org_unit_id)
    select id, 'counselor', org_unit_id from users where username like 'gen%' and kind = 'staff'`);
  // A plain table, not a temporary one: the pool may run the next statement on another connection.
  await db.execute(sql`drop table if exists gen_students`);
  await db.execute(sql`create unlogged table gen_students as
    select id, org_unit_id, row_number() over () as n from users where username like 'gen%' and kind = 'student'`);
  const studentCount = Number(rows(await db.execute(sql`select count(*)::int as c from gen_students`))[0]!.c);
  // Instances: 20 % waiting for a counselor, 10 % at 校医院, the rest finished.
  await db.execute(sql`insert into process_instances (id, process_id, process_version, snapshot, state, status, title,
      applicant_id, applicant_org_id, revision, last_hash, created_at, updated_at, state_since, completed_at)
    select gen_random_uuid(), 'fitness-test-exemption', 1, ${JSON.stringify(t.snapshot)}::jsonb,
      case when g % 10 < 2 then 'counselorReview' when g % 10 = 2 then 'hospitalReview' else 'approved' end,
      case when g % 10 < 3 then 'active' else 'completed' end,
      ${JSON.stringify(t.title)}::jsonb, s.id, s.org_unit_id, ${o.eventsPerInstance}, 'x',
      now() - (g || ' minutes')::interval, now(), now(), case when g % 10 < 3 then null else now() end
    from generate_series(1, ${o.instances}) g join gen_students s on s.n = 1 + (g % ${studentCount})`);
  await db.execute(sql`insert into instance_events (instance_id, seq, type, actor_role, payload, to_state, at, prev_hash, hash)
    select i.id, s, case when s = 1 then 'submit' else 'approve' end, 'bench', '{}'::jsonb, i.state, i.created_at, 'x', 'x'
    from process_instances i cross join generate_series(1, ${o.eventsPerInstance}) s where i.last_hash = 'x'`);
  await db.execute(sql`insert into tasks (instance_id, state, role, org_unit_id, actions, status, created_at, completed_at, outcome)
    select i.id, i.state, case when i.state = 'counselorReview' then 'counselor' else 'handler' end,
      case when i.state = 'counselorReview' then i.applicant_org_id else 'hospital' end,
      '["approve","return","reject"]'::jsonb, 'open', i.created_at, null, null
    from process_instances i where i.status = 'active'`);
  await db.execute(sql`insert into tasks (instance_id, state, role, org_unit_id, actions, status, created_at, completed_at, outcome)
    select i.id, 'counselorReview', 'counselor', i.applicant_org_id, '["approve","return","reject"]'::jsonb, 'done', i.created_at, now(), 'approve'
    from process_instances i where i.status = 'completed'`);
  await db.execute(sql`analyze`);
  await db.execute(sql`drop table gen_students`);
}

export interface QueryTiming {
  who: string;
  rows: number;
  p50: number;
  p95: number;
  countP95: number;
}

export async function timeTaskQueries(db: Db, usernames: string[], iterations: number): Promise<QueryTiming[]> {
  const out: QueryTiming[] = [];
  for (const username of usernames) {
    const actor = (await loadActor(db, { username }))!;
    const list: number[] = [];
    const counts: number[] = [];
    let rows = 0;
    for (let i = 0; i < iterations; i++) {
      let t0 = performance.now();
      rows = (await listTasks(db, actor, 'open')).length;
      list.push(performance.now() - t0);
      t0 = performance.now();
      await countOpenTasks(db, actor);
      counts.push(performance.now() - t0);
    }
    out.push({ who: username, rows, p50: percentile(list, 50), p95: percentile(list, 95), countP95: percentile(counts, 95) });
  }
  return out;
}
