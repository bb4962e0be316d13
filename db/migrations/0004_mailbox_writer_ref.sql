ALTER TABLE "mailbox_letters" DROP CONSTRAINT "mailbox_letters_writer_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "mailbox_letters" ADD COLUMN "writer_ref" text;--> statement-breakpoint
CREATE INDEX "mailbox_letters_writer_idx" ON "mailbox_letters" USING btree ("writer_ref");--> statement-breakpoint
ALTER TABLE "mailbox_letters" DROP COLUMN "writer_user_id";