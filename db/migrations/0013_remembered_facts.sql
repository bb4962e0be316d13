CREATE TABLE "remembered_facts" (
	"user_id" uuid NOT NULL,
	"fact" text NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "remembered_facts_user_id_fact_pk" PRIMARY KEY("user_id","fact")
);
--> statement-breakpoint
ALTER TABLE "remembered_facts" ADD CONSTRAINT "remembered_facts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;