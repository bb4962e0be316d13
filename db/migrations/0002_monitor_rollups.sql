CREATE TABLE "monitor_rollup" (
	"metric" text NOT NULL,
	"grain" text NOT NULL,
	"day" date NOT NULL,
	"process_id" text NOT NULL,
	"process_version" integer NOT NULL,
	"applicant_org_id" text NOT NULL,
	"key" text NOT NULL,
	"bucket" smallint NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "monitor_rollup_pk" PRIMARY KEY("metric","grain","day","process_id","process_version","applicant_org_id","key","bucket")
);
--> statement-breakpoint
CREATE TABLE "monitor_rollup_delta" (
	"metric" text NOT NULL,
	"grain" text NOT NULL,
	"day" date NOT NULL,
	"process_id" text NOT NULL,
	"process_version" integer NOT NULL,
	"applicant_org_id" text NOT NULL,
	"key" text NOT NULL,
	"bucket" smallint NOT NULL,
	"n" bigint NOT NULL
);
--> statement-breakpoint
DROP INDEX "instances_process_state_idx";--> statement-breakpoint
DROP INDEX "tasks_open_due_idx";--> statement-breakpoint
CREATE INDEX "monitor_rollup_delta_metric_day_idx" ON "monitor_rollup_delta" USING btree ("metric","day");--> statement-breakpoint
CREATE INDEX "instances_process_created_idx" ON "process_instances" USING btree ("process_id","created_at");--> statement-breakpoint
CREATE INDEX "instances_active_org_idx" ON "process_instances" USING btree ("applicant_org_id","process_id","id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "tasks_open_due_idx" ON "tasks" USING btree ("due_at","org_unit_id","instance_id") WHERE status = 'open';--> statement-breakpoint
-- Monitoring rollups, kept by triggers (see db/schema/monitor-rollup.ts for the model).
-- Triggers append day rows to monitor_rollup_delta; the fold writes day and month rows.
-- Trigger bodies are PL/pgSQL with the statements inline, so their plans are cached per session.
-- Quarter-octave histogram bucket of a duration in seconds: bucket b holds [2^(b/4), 2^((b+1)/4));
-- -1 holds [0, 1); -100 holds durations that are unknown (counted, not in percentiles).
CREATE FUNCTION monitor_bucket(seconds double precision) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN seconds IS NULL THEN -100
              WHEN seconds < 1 THEN -1
              ELSE floor(4 * ln(seconds) / ln(2))::smallint END
$$;
--> statement-breakpoint
-- An instance counts once under its start day (China time), process, version and department:
-- 'started' by status, 'hour' by hour of day, 'handling' by time to finish once it has finished.
-- An update takes back what the old row counted and adds what the new one counts, figure by
-- figure, only where something that figure depends on changed.
CREATE FUNCTION monitor_instances_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved boolean := TG_OP <> 'UPDATE';
  status_changed boolean := TG_OP <> 'UPDATE';
  finish_changed boolean := TG_OP <> 'UPDATE';
BEGIN
  IF TG_OP = 'UPDATE' THEN
    moved := OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.process_id IS DISTINCT FROM NEW.process_id
      OR OLD.process_version IS DISTINCT FROM NEW.process_version OR OLD.applicant_org_id IS DISTINCT FROM NEW.applicant_org_id;
    status_changed := moved OR OLD.status IS DISTINCT FROM NEW.status;
    finish_changed := moved OR OLD.completed_at IS DISTINCT FROM NEW.completed_at;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO monitor_rollup_delta (metric, grain, day, process_id, process_version, applicant_org_id, key, bucket, n)
    SELECT r.metric, 'd', (OLD.created_at AT TIME ZONE 'Asia/Shanghai')::date, OLD.process_id, OLD.process_version,
           coalesce(OLD.applicant_org_id, ''), r.key, r.bucket, -1
    FROM (VALUES ('started', OLD.status::text, 0::smallint, status_changed),
                 ('hour', extract(hour FROM OLD.created_at AT TIME ZONE 'Asia/Shanghai')::int::text, 0::smallint, moved),
                 ('handling', '', monitor_bucket(extract(epoch FROM OLD.completed_at - OLD.created_at)::float8),
                  finish_changed AND OLD.completed_at IS NOT NULL)) r(metric, key, bucket, wanted)
    WHERE r.wanted;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO monitor_rollup_delta (metric, grain, day, process_id, process_version, applicant_org_id, key, bucket, n)
    SELECT r.metric, 'd', (NEW.created_at AT TIME ZONE 'Asia/Shanghai')::date, NEW.process_id, NEW.process_version,
           coalesce(NEW.applicant_org_id, ''), r.key, r.bucket, 1
    FROM (VALUES ('started', NEW.status::text, 0::smallint, status_changed),
                 ('hour', extract(hour FROM NEW.created_at AT TIME ZONE 'Asia/Shanghai')::int::text, 0::smallint, moved),
                 ('handling', '', monitor_bucket(extract(epoch FROM NEW.completed_at - NEW.created_at)::float8),
                  finish_changed AND NEW.completed_at IS NOT NULL)) r(metric, key, bucket, wanted)
    WHERE r.wanted;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER monitor_instances_insert_delete AFTER INSERT OR DELETE ON process_instances
  FOR EACH ROW EXECUTE FUNCTION monitor_instances_trigger();
--> statement-breakpoint
-- Most transitions change only the snapshot: the trigger runs when a counted column changes.
CREATE TRIGGER monitor_instances_update AFTER UPDATE ON process_instances
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status
    OR OLD.completed_at IS DISTINCT FROM NEW.completed_at
    OR OLD.created_at IS DISTINCT FROM NEW.created_at
    OR OLD.process_id IS DISTINCT FROM NEW.process_id
    OR OLD.process_version IS DISTINCT FROM NEW.process_version
    OR OLD.applicant_org_id IS DISTINCT FROM NEW.applicant_org_id)
  EXECUTE FUNCTION monitor_instances_trigger();
--> statement-breakpoint
-- A finished task's handling time ('step', by task state), under its instance's start day,
-- process and department. Not per version (0): step times read across versions, and a
-- migrated instance keeps its figures.
CREATE FUNCTION monitor_tasks_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'done' THEN
    INSERT INTO monitor_rollup_delta (metric, grain, day, process_id, process_version, applicant_org_id, key, bucket, n)
    SELECT 'step', 'd', (i.created_at AT TIME ZONE 'Asia/Shanghai')::date, i.process_id, 0, coalesce(i.applicant_org_id, ''),
           OLD.state, monitor_bucket(extract(epoch FROM OLD.completed_at - OLD.created_at)::float8), -1
    FROM process_instances i WHERE i.id = OLD.instance_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'done' THEN
    INSERT INTO monitor_rollup_delta (metric, grain, day, process_id, process_version, applicant_org_id, key, bucket, n)
    SELECT 'step', 'd', (i.created_at AT TIME ZONE 'Asia/Shanghai')::date, i.process_id, 0, coalesce(i.applicant_org_id, ''),
           NEW.state, monitor_bucket(extract(epoch FROM NEW.completed_at - NEW.created_at)::float8), 1
    FROM process_instances i WHERE i.id = NEW.instance_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER monitor_tasks_insert AFTER INSERT ON tasks
  FOR EACH ROW WHEN (NEW.status = 'done') EXECUTE FUNCTION monitor_tasks_trigger();
--> statement-breakpoint
CREATE TRIGGER monitor_tasks_delete AFTER DELETE ON tasks
  FOR EACH ROW WHEN (OLD.status = 'done') EXECUTE FUNCTION monitor_tasks_trigger();
--> statement-breakpoint
CREATE TRIGGER monitor_tasks_update AFTER UPDATE ON tasks
  FOR EACH ROW WHEN ((OLD.status = 'done' OR NEW.status = 'done') AND (OLD.status IS DISTINCT FROM NEW.status
    OR OLD.state IS DISTINCT FROM NEW.state
    OR OLD.created_at IS DISTINCT FROM NEW.created_at
    OR OLD.completed_at IS DISTINCT FROM NEW.completed_at
    OR OLD.instance_id IS DISTINCT FROM NEW.instance_id))
  EXECUTE FUNCTION monitor_tasks_trigger();
--> statement-breakpoint
-- A state-changing event ends the stay that the instance's previous state change began:
-- each state of that (comma-joined, for parallel regions) state set gets the stay's duration,
-- counted on the day it was entered and under the version the instance ran on then.
-- The event log is append-only, so inserts are all there is to follow.
CREATE FUNCTION monitor_events_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  prev record;
BEGIN
  SELECT e.at, e.to_state INTO prev FROM instance_events e
  WHERE e.instance_id = NEW.instance_id AND e.seq < NEW.seq AND e.from_state IS DISTINCT FROM e.to_state
  ORDER BY e.seq DESC LIMIT 1;
  IF FOUND THEN
    INSERT INTO monitor_rollup_delta (metric, grain, day, process_id, process_version, applicant_org_id, key, bucket, n)
    SELECT 'stay', 'd', (prev.at AT TIME ZONE 'Asia/Shanghai')::date, i.process_id, i.process_version, coalesce(i.applicant_org_id, ''),
           s.state, monitor_bucket(extract(epoch FROM NEW.at - prev.at)::float8), 1
    FROM process_instances i CROSS JOIN unnest(string_to_array(prev.to_state, ',')) s(state)
    WHERE i.id = NEW.instance_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER monitor_events_insert AFTER INSERT ON instance_events
  FOR EACH ROW WHEN (NEW.from_state IS DISTINCT FROM NEW.to_state) EXECUTE FUNCTION monitor_events_trigger();
--> statement-breakpoint
-- Folds the deltas (day rows) into the rollup as day and month rows. One folder at a time
-- (others return at once); rows that writers append meanwhile stay for the next fold, and
-- readers sum both tables throughout.
CREATE FUNCTION monitor_rollup_compact() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  moved integer := 0;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('monitor_rollup_compact')) THEN RETURN 0; END IF;
  WITH gone AS (
    DELETE FROM monitor_rollup_delta
    RETURNING metric, day, process_id, process_version, applicant_org_id, key, bucket, n
  ), summed AS (
    SELECT g.grain, CASE WHEN g.grain = 'm' THEN date_trunc('month', x.day)::date ELSE x.day END AS day,
           x.metric, x.process_id, x.process_version, x.applicant_org_id, x.key, x.bucket, sum(x.n)::bigint AS n, count(*)::int AS rows
    FROM gone x CROSS JOIN (VALUES ('d'), ('m')) g(grain)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ), folded AS (
    INSERT INTO monitor_rollup (metric, grain, day, process_id, process_version, applicant_org_id, key, bucket, n)
    SELECT metric, grain, day, process_id, process_version, applicant_org_id, key, bucket, n FROM summed
    ORDER BY metric, grain, day, process_id, process_version, applicant_org_id, key, bucket
    ON CONFLICT ON CONSTRAINT monitor_rollup_pk DO UPDATE SET n = monitor_rollup.n + EXCLUDED.n
  )
  SELECT coalesce(sum(rows), 0) INTO moved FROM summed WHERE grain = 'd';
  RETURN moved;
END
$$;
--> statement-breakpoint
-- Recomputes every rollup from the live tables: the backfill of this migration, and the
-- reference the consistency test compares the triggers' work with.
CREATE FUNCTION monitor_rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('monitor_rollup_compact'));
  TRUNCATE monitor_rollup, monitor_rollup_delta;
  INSERT INTO monitor_rollup (metric, grain, day, process_id, process_version, applicant_org_id, key, bucket, n)
  SELECT x.metric, g.grain, CASE WHEN g.grain = 'm' THEN date_trunc('month', x.day)::date ELSE x.day END,
         x.process_id, x.process_version, x.applicant_org_id, x.key, x.bucket, sum(x.n)
  FROM (
    SELECT r.metric, (i.created_at AT TIME ZONE 'Asia/Shanghai')::date AS day, i.process_id, i.process_version,
           coalesce(i.applicant_org_id, '') AS applicant_org_id, r.key, r.bucket, 1 AS n
    FROM process_instances i
      CROSS JOIN LATERAL (VALUES ('started', i.status::text, 0::smallint),
        ('hour', extract(hour FROM i.created_at AT TIME ZONE 'Asia/Shanghai')::int::text, 0::smallint),
        ('handling', '', monitor_bucket(extract(epoch FROM i.completed_at - i.created_at)::float8))) r(metric, key, bucket)
    WHERE r.metric <> 'handling' OR i.completed_at IS NOT NULL
    UNION ALL
    SELECT 'step', (i.created_at AT TIME ZONE 'Asia/Shanghai')::date, i.process_id, 0, coalesce(i.applicant_org_id, ''),
           t.state, monitor_bucket(extract(epoch FROM t.completed_at - t.created_at)::float8), 1
    FROM tasks t JOIN process_instances i ON i.id = t.instance_id
    WHERE t.status = 'done'
    UNION ALL
    SELECT 'stay', (c.at AT TIME ZONE 'Asia/Shanghai')::date, i.process_id, i.process_version, coalesce(i.applicant_org_id, ''),
           s.state, monitor_bucket(extract(epoch FROM c.left_at - c.at)::float8), 1
    FROM (
      SELECT instance_id, to_state, at, lead(at) OVER (PARTITION BY instance_id ORDER BY seq) AS left_at
      FROM instance_events WHERE from_state IS DISTINCT FROM to_state
    ) c
      JOIN process_instances i ON i.id = c.instance_id
      CROSS JOIN unnest(string_to_array(c.to_state, ',')) s(state)
    WHERE c.left_at IS NOT NULL
  ) x CROSS JOIN (VALUES ('d'), ('m')) g(grain)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
END
$$;
--> statement-breakpoint
SELECT monitor_rollup_rebuild();
--> statement-breakpoint
ANALYZE monitor_rollup;
