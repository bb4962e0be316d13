ALTER TABLE "process_instances" ADD COLUMN "sample" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "monitor_rollup" ADD COLUMN "sample" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "monitor_rollup_delta" ADD COLUMN "sample" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "instances_sample_idx" ON "process_instances" USING btree ("id") WHERE sample;--> statement-breakpoint
ALTER TABLE "monitor_rollup" DROP CONSTRAINT "monitor_rollup_pk";
--> statement-breakpoint
ALTER TABLE "monitor_rollup" ADD CONSTRAINT "monitor_rollup_pk" PRIMARY KEY("metric","grain","day","process_id","process_version","applicant_org_id","key","bucket","sample");--> statement-breakpoint
-- Generated demo history (【示例】) is marked on the instance and carried into every rollup row,
-- so dashboards count it only when the admin asks. The trigger functions of 0002 carry the
-- column; existing sample instances are marked by their sample applicants and the rollup rebuilt.
CREATE OR REPLACE FUNCTION monitor_instances_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved boolean := TG_OP <> 'UPDATE';
  status_changed boolean := TG_OP <> 'UPDATE';
  finish_changed boolean := TG_OP <> 'UPDATE';
BEGIN
  IF TG_OP = 'UPDATE' THEN
    moved := OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.process_id IS DISTINCT FROM NEW.process_id
      OR OLD.process_version IS DISTINCT FROM NEW.process_version OR OLD.applicant_org_id IS DISTINCT FROM NEW.applicant_org_id
      OR OLD.sample IS DISTINCT FROM NEW.sample;
    status_changed := moved OR OLD.status IS DISTINCT FROM NEW.status;
    finish_changed := moved OR OLD.completed_at IS DISTINCT FROM NEW.completed_at;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO monitor_rollup_delta (metric, grain, day, process_id, process_version, applicant_org_id, key, bucket, n, sample)
    SELECT r.metric, 'd', (OLD.created_at AT TIME ZONE 'Asia/Shanghai')::date, OLD.process_id, OLD.process_version,
           coalesce(OLD.applicant_org_id, ''), r.key, r.bucket, -1, OLD.sample
    FROM (VALUES ('started', OLD.status::text, 0::smallint, status_changed),
                 ('hour', extract(hour FROM OLD.created_at AT TIME ZONE 'Asia/Shanghai')::int::text, 0::smallint, moved),
                 ('handling', '', monitor_bucket(extract(epoch FROM OLD.completed_at - OLD.created_at)::float8),
                  finish_changed AND OLD.completed_at IS NOT NULL)) r(metric, key, bucket, wanted)
    WHERE r.wanted;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO monitor_rollup_delta (metric, grain, day, process_id, process_version, applicant_org_id, key, bucket, n, sample)
    SELECT r.metric, 'd', (NEW.created_at AT TIME ZONE 'Asia/Shanghai')::date, NEW.process_id, NEW.process_version,
           coalesce(NEW.applicant_org_id, ''), r.key, r.bucket, 1, NEW.sample
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
DROP TRIGGER monitor_instances_update ON process_instances;
--> statement-breakpoint
CREATE TRIGGER monitor_instances_update AFTER UPDATE ON process_instances
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status
    OR OLD.completed_at IS DISTINCT FROM NEW.completed_at
    OR OLD.created_at IS DISTINCT FROM NEW.created_at
    OR OLD.process_id IS DISTINCT FROM NEW.process_id
    OR OLD.process_version IS DISTINCT FROM NEW.process_version
    OR OLD.applicant_org_id IS DISTINCT FROM NEW.applicant_org_id
    OR OLD.sample IS DISTINCT FROM NEW.sample)
  EXECUTE FUNCTION monitor_instances_trigger();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION monitor_tasks_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'done' THEN
    INSERT INTO monitor_rollup_delta (metric, grain, day, process_id, process_version, applicant_org_id, key, bucket, n, sample)
    SELECT 'step', 'd', (i.created_at AT TIME ZONE 'Asia/Shanghai')::date, i.process_id, 0, coalesce(i.applicant_org_id, ''),
           OLD.state, monitor_bucket(extract(epoch FROM OLD.completed_at - OLD.created_at)::float8), -1, i.sample
    FROM process_instances i WHERE i.id = OLD.instance_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'done' THEN
    INSERT INTO monitor_rollup_delta (metric, grain, day, process_id, process_version, applicant_org_id, key, bucket, n, sample)
    SELECT 'step', 'd', (i.created_at AT TIME ZONE 'Asia/Shanghai')::date, i.process_id, 0, coalesce(i.applicant_org_id, ''),
           NEW.state, monitor_bucket(extract(epoch FROM NEW.completed_at - NEW.created_at)::float8), 1, i.sample
    FROM process_instances i WHERE i.id = NEW.instance_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION monitor_events_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  prev record;
BEGIN
  SELECT e.at, e.to_state INTO prev FROM instance_events e
  WHERE e.instance_id = NEW.instance_id AND e.seq < NEW.seq AND e.from_state IS DISTINCT FROM e.to_state
  ORDER BY e.seq DESC LIMIT 1;
  IF FOUND THEN
    INSERT INTO monitor_rollup_delta (metric, grain, day, process_id, process_version, applicant_org_id, key, bucket, n, sample)
    SELECT 'stay', 'd', (prev.at AT TIME ZONE 'Asia/Shanghai')::date, i.process_id, i.process_version, coalesce(i.applicant_org_id, ''),
           s.state, monitor_bucket(extract(epoch FROM NEW.at - prev.at)::float8), 1, i.sample
    FROM process_instances i CROSS JOIN unnest(string_to_array(prev.to_state, ',')) s(state)
    WHERE i.id = NEW.instance_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION monitor_rollup_compact() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  moved integer := 0;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('monitor_rollup_compact')) THEN RETURN 0; END IF;
  WITH gone AS (
    DELETE FROM monitor_rollup_delta
    RETURNING metric, day, process_id, process_version, applicant_org_id, key, bucket, n, sample
  ), summed AS (
    SELECT g.grain, CASE WHEN g.grain = 'm' THEN date_trunc('month', x.day)::date ELSE x.day END AS day,
           x.metric, x.process_id, x.process_version, x.applicant_org_id, x.key, x.bucket, x.sample, sum(x.n)::bigint AS n, count(*)::int AS rows
    FROM gone x CROSS JOIN (VALUES ('d'), ('m')) g(grain)
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ), folded AS (
    INSERT INTO monitor_rollup (metric, grain, day, process_id, process_version, applicant_org_id, key, bucket, sample, n)
    SELECT metric, grain, day, process_id, process_version, applicant_org_id, key, bucket, sample, n FROM summed
    ORDER BY metric, grain, day, process_id, process_version, applicant_org_id, key, bucket, sample
    ON CONFLICT ON CONSTRAINT monitor_rollup_pk DO UPDATE SET n = monitor_rollup.n + EXCLUDED.n
  )
  SELECT coalesce(sum(rows), 0) INTO moved FROM summed WHERE grain = 'd';
  RETURN moved;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION monitor_rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('monitor_rollup_compact'));
  TRUNCATE monitor_rollup, monitor_rollup_delta;
  INSERT INTO monitor_rollup (metric, grain, day, process_id, process_version, applicant_org_id, key, bucket, sample, n)
  SELECT x.metric, g.grain, CASE WHEN g.grain = 'm' THEN date_trunc('month', x.day)::date ELSE x.day END,
         x.process_id, x.process_version, x.applicant_org_id, x.key, x.bucket, x.sample, sum(x.n)
  FROM (
    SELECT r.metric, (i.created_at AT TIME ZONE 'Asia/Shanghai')::date AS day, i.process_id, i.process_version,
           coalesce(i.applicant_org_id, '') AS applicant_org_id, r.key, r.bucket, i.sample, 1 AS n
    FROM process_instances i
      CROSS JOIN LATERAL (VALUES ('started', i.status::text, 0::smallint),
        ('hour', extract(hour FROM i.created_at AT TIME ZONE 'Asia/Shanghai')::int::text, 0::smallint),
        ('handling', '', monitor_bucket(extract(epoch FROM i.completed_at - i.created_at)::float8))) r(metric, key, bucket)
    WHERE r.metric <> 'handling' OR i.completed_at IS NOT NULL
    UNION ALL
    SELECT 'step', (i.created_at AT TIME ZONE 'Asia/Shanghai')::date, i.process_id, 0, coalesce(i.applicant_org_id, ''),
           t.state, monitor_bucket(extract(epoch FROM t.completed_at - t.created_at)::float8), i.sample, 1
    FROM tasks t JOIN process_instances i ON i.id = t.instance_id
    WHERE t.status = 'done'
    UNION ALL
    SELECT 'stay', (c.at AT TIME ZONE 'Asia/Shanghai')::date, i.process_id, i.process_version, coalesce(i.applicant_org_id, ''),
           s.state, monitor_bucket(extract(epoch FROM c.left_at - c.at)::float8), i.sample, 1
    FROM (
      SELECT instance_id, to_state, at, lead(at) OVER (PARTITION BY instance_id ORDER BY seq) AS left_at
      FROM instance_events WHERE from_state IS DISTINCT FROM to_state
    ) c
      JOIN process_instances i ON i.id = c.instance_id
      CROSS JOIN unnest(string_to_array(c.to_state, ',')) s(state)
    WHERE c.left_at IS NOT NULL
  ) x CROSS JOIN (VALUES ('d'), ('m')) g(grain)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
END
$$;
--> statement-breakpoint
-- Demo history loaded before this migration: its applicants are the inactive sample-… accounts.
UPDATE process_instances SET sample = true
WHERE applicant_id IN (SELECT id FROM users WHERE username LIKE 'sample-%' AND NOT active);
--> statement-breakpoint
SELECT monitor_rollup_rebuild();
