CREATE TABLE "out_of_office" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"deputy_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reason" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "on_behalf_of" uuid;--> statement-breakpoint
ALTER TABLE "out_of_office" ADD CONSTRAINT "out_of_office_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "out_of_office" ADD CONSTRAINT "out_of_office_deputy_id_users_id_fk" FOREIGN KEY ("deputy_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "out_of_office_deputy_idx" ON "out_of_office" USING btree ("deputy_id");--> statement-breakpoint
CREATE INDEX "out_of_office_ends_idx" ON "out_of_office" USING btree ("ends_on");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_on_behalf_of_users_id_fk" FOREIGN KEY ("on_behalf_of") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;