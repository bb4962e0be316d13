ALTER TABLE "tasks" ADD COLUMN "returns_to" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "handover" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "urge_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "urged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_returns_to_users_id_fk" FOREIGN KEY ("returns_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;