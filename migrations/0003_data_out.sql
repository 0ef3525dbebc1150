CREATE TYPE "public"."import_format" AS ENUM('CSV', 'JSONL');--> statement-breakpoint
CREATE TYPE "public"."export_entity" AS ENUM('ORGANIZATIONS', 'PROJECTS', 'DONATIONS', 'TRAINING_SESSIONS', 'GOVERNANCE_METRICS');--> statement-breakpoint
CREATE TYPE "public"."export_format" AS ENUM('CSV', 'JSONL', 'GIVING360_JSON');--> statement-breakpoint
CREATE TYPE "public"."export_status" AS ENUM('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."webhook_delivery_status" AS ENUM('PENDING', 'DELIVERED', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."webhook_event" AS ENUM('DONATION_RECORDED', 'DONATION_DELIVERED', 'DONATION_VERIFIED', 'PROJECT_REPORTED', 'TRAINING_RECORDED');--> statement-breakpoint
ALTER TYPE "public"."import_status" ADD VALUE 'QUEUED' BEFORE 'RUNNING';--> statement-breakpoint
CREATE TABLE "change_commits" (
	"transaction_id" "xid8" PRIMARY KEY NOT NULL,
	"sequence" bigint,
	"committed_at" timestamp with time zone,
	CONSTRAINT "change_commits_sequence_unique" UNIQUE("sequence")
);
--> statement-breakpoint
CREATE TABLE "exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"api_key_id" uuid NOT NULL,
	"entity" "export_entity" NOT NULL,
	"format" "export_format" NOT NULL,
	"filter" jsonb NOT NULL,
	"status" "export_status" DEFAULT 'QUEUED' NOT NULL,
	"row_count" bigint,
	"byte_count" bigint,
	"file_name" text,
	"error" text,
	"url_secret" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	CONSTRAINT "exports_giving360_donations_only" CHECK ("exports"."format" <> 'GIVING360_JSON' or "exports"."entity" = 'DONATIONS')
);
--> statement-breakpoint
CREATE TABLE "webhook_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"response_status" integer,
	"detail" text,
	CONSTRAINT "webhook_attempts_delivery_attempt_key" UNIQUE("delivery_id","attempt")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"event" "webhook_event" NOT NULL,
	"change_id" uuid NOT NULL,
	"payload" text NOT NULL,
	"status" "webhook_delivery_status" DEFAULT 'PENDING' NOT NULL,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "webhook_deliveries_subscription_change_event_key" UNIQUE("subscription_id","change_id","event")
);
--> statement-breakpoint
CREATE TABLE "webhook_dispatch_cursor" (
	"name" text PRIMARY KEY NOT NULL,
	"sequence" bigint NOT NULL,
	"position" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"api_key_id" uuid NOT NULL,
	"organization_id" uuid,
	"url" text NOT NULL,
	"events" "webhook_event"[] NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "webhook_subscriptions_events_not_empty" CHECK (cardinality("webhook_subscriptions"."events") > 0)
);
--> statement-breakpoint
ALTER TABLE "record_changes" ADD COLUMN "position" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "record_changes_position_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "record_changes" ADD COLUMN "transaction_id" "xid8" DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "format" "import_format";--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "upload_path" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "exports" ADD CONSTRAINT "exports_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_subscription_id_webhook_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."webhook_subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_change_id_record_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."record_changes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "webhook_subscriptions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exports_api_key_id_created_at_idx" ON "exports" USING btree ("api_key_id","created_at","id");--> statement-breakpoint
CREATE INDEX "exports_expires_at_idx" ON "exports" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_subscription_id_created_at_idx" ON "webhook_deliveries" USING btree ("subscription_id","created_at","id");--> statement-breakpoint
CREATE INDEX "webhook_subscriptions_api_key_id_created_at_idx" ON "webhook_subscriptions" USING btree ("api_key_id","created_at","id");--> statement-breakpoint
CREATE INDEX "record_changes_transaction_id_position_idx" ON "record_changes" USING btree ("transaction_id","position");