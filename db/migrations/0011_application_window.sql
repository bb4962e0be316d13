ALTER TABLE "catalog_services" ADD COLUMN "application_window" jsonb;--> statement-breakpoint
-- Installations seeded before windows were data: the guide's 每年 9 月 30 日前 becomes the entry's window.
UPDATE "catalog_services" SET "application_window" = '{"closes":"09-30"}'::jsonb WHERE "code" = 'insurance-opt-out' AND "application_window" IS NULL;
