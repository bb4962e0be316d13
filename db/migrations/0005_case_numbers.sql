CREATE TABLE "case_counters" (
	"prefix" text NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "case_counters_prefix_day_pk" PRIMARY KEY("prefix","day")
);
--> statement-breakpoint
CREATE TABLE "process_case_prefixes" (
	"process_id" text PRIMARY KEY NOT NULL,
	"prefix" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "process_instances" ADD COLUMN "case_no" text;--> statement-breakpoint
CREATE UNIQUE INDEX "instances_case_no_uq" ON "process_instances" USING btree ("case_no");--> statement-breakpoint
-- 流水号 (contract 6): every inserted instance gets prefix-YYYYMMDD-NNNN, numbered per prefix and China day.
CREATE OR REPLACE FUNCTION next_case_no(p_process_id text, p_at timestamptz) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  p text;
  d date;
  n integer;
BEGIN
  SELECT prefix INTO p FROM process_case_prefixes WHERE process_id = p_process_id;
  -- A process whose definition declares no prefix (or is not synced yet): the initials of its id.
  IF p IS NULL THEN
    p := upper(regexp_replace(p_process_id, '(^|-)([a-zA-Z0-9])[^-]*', '\2', 'g'));
  END IF;
  -- China has one offset all year: the day a case is numbered under is the local day.
  d := ((coalesce(p_at, now()) AT TIME ZONE 'UTC') + interval '8 hours')::date;
  -- The upsert locks the counter row until commit: concurrent inserts of one prefix and day queue here.
  INSERT INTO case_counters AS c (prefix, day, last) VALUES (p, d, 1)
    ON CONFLICT (prefix, day) DO UPDATE SET last = c.last + 1
    RETURNING c.last INTO n;
  RETURN p || '-' || to_char(d, 'YYYYMMDD') || '-' || CASE WHEN n < 10000 THEN lpad(n::text, 4, '0') ELSE n::text END;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION assign_case_no() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.case_no IS NULL THEN
    NEW.case_no := next_case_no(NEW.process_id, NEW.created_at);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER process_instances_case_no BEFORE INSERT ON process_instances FOR EACH ROW EXECUTE FUNCTION assign_case_no();
--> statement-breakpoint
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT id, process_id, created_at FROM process_instances WHERE case_no IS NULL ORDER BY created_at, id LOOP
    UPDATE process_instances SET case_no = next_case_no(r.process_id, r.created_at) WHERE id = r.id;
  END LOOP;
END $$;
