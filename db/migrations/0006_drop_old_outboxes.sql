DROP TABLE "webhook_deliveries" CASCADE;--> statement-breakpoint
DROP TABLE "notify_deliveries" CASCADE;--> statement-breakpoint
DROP TABLE "integration_outbox" CASCADE;