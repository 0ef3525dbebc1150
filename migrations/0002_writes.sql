CREATE TYPE "public"."change_action" AS ENUM('CREATED', 'UPDATED', 'DISBURSED', 'VERIFIED', 'CORRECTED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."record_entity" AS ENUM('DONATION', 'PROJECT', 'PROJECT_REPORT', 'TRAINING_SESSION', 'GOVERNANCE_METRIC');--> statement-breakpoint
CREATE TYPE "public"."import_entity" AS ENUM('DONATIONS', 'DISBURSEMENTS', 'PROJECT_REPORTS', 'TRAINING_SESSIONS');--> statement-breakpoint
CREATE TYPE "public"."import_mode" AS ENUM('ALL_OR_NOTHING', 'VALID_ROWS_ONLY');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('RUNNING', 'SUCCEEDED', 'FAILED');--> statement-breakpoint
CREATE TABLE "record_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity" "record_entity" NOT NULL,
	"record_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" "change_action" NOT NULL,
	"reason" text,
	"actor_key_id" uuid,
	"actor_name" text NOT NULL,
	"actor_organization_id" uuid,
	"before" jsonb,
	"after" jsonb NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_changes_record_version_key" UNIQUE("record_id","version"),
	CONSTRAINT "record_changes_version_positive" CHECK ("record_changes"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "submission_sources" (
	"source_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid,
	CONSTRAINT "submission_sources_organization_id_unique" UNIQUE("organization_id")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"api_key_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" char(64) NOT NULL,
	"lock_token" uuid,
	"locked_at" timestamp with time zone,
	"response" json,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_api_key_id_key_pk" PRIMARY KEY("api_key_id","key"),
	CONSTRAINT "idempotency_keys_key_length" CHECK (char_length("idempotency_keys"."key") between 1 and 255),
	CONSTRAINT "idempotency_keys_claimed_or_answered" CHECK (("idempotency_keys"."lock_token" is null) <> ("idempotency_keys"."response" is null))
);
--> statement-breakpoint
CREATE TABLE "import_errors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"field" text,
	"code" text NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entity" "import_entity" NOT NULL,
	"mode" "import_mode" NOT NULL,
	"status" "import_status" DEFAULT 'RUNNING' NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"written_count" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"api_key_id" uuid,
	"organization_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "project_reports" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "governance_metrics" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "record_changes" ADD CONSTRAINT "record_changes_actor_key_id_api_keys_id_fk" FOREIGN KEY ("actor_key_id") REFERENCES "public"."api_keys"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_changes" ADD CONSTRAINT "record_changes_actor_organization_id_organizations_id_fk" FOREIGN KEY ("actor_organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_sources" ADD CONSTRAINT "submission_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_sources" ADD CONSTRAINT "submission_sources_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_errors" ADD CONSTRAINT "import_errors_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_changes_changed_at_id_idx" ON "record_changes" USING btree ("changed_at","id");--> statement-breakpoint
CREATE INDEX "record_changes_actor_organization_id_changed_at_idx" ON "record_changes" USING btree ("actor_organization_id","changed_at","id");--> statement-breakpoint
CREATE INDEX "import_errors_import_id_line_id_idx" ON "import_errors" USING btree ("import_id","line","id");--> statement-breakpoint
CREATE INDEX "imports_api_key_id_created_at_idx" ON "imports" USING btree ("api_key_id","created_at");