CREATE TYPE "public"."provenance_kind" AS ENUM('REPORTED', 'SUBMITTED', 'SYNTHETIC');--> statement-breakpoint
CREATE TYPE "public"."evaluation_grade" AS ENUM('GRADE_5A', 'GRADE_4A', 'GRADE_3A', 'GRADE_2A', 'GRADE_1A');--> statement-breakpoint
CREATE TYPE "public"."organization_type" AS ENUM('SOCIAL_GROUP', 'SOCIAL_SERVICE_AGENCY', 'FOUNDATION', 'COMMUNITY_ORGANIZATION', 'ENTERPRISE', 'GOVERNMENT_AGENCY', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."registration_status" AS ENUM('REGISTERED', 'FILED', 'COMMUNITY_GUIDED', 'DEREGISTERED');--> statement-breakpoint
CREATE TYPE "public"."service_area" AS ENUM('ELDERLY_CARE', 'CHILD_WELFARE', 'DISABILITY_SERVICES', 'POVERTY_ALLEVIATION', 'EDUCATION', 'HEALTH', 'ENVIRONMENT', 'COMMUNITY_SERVICE', 'CULTURE', 'PUBLIC_SAFETY', 'DISASTER_RELIEF', 'VOLUNTEERING', 'LEGAL_AID', 'CAPACITY_BUILDING');--> statement-breakpoint
CREATE TYPE "public"."target_group" AS ENUM('SUBSISTENCE_ALLOWANCE_RECIPIENTS', 'EXTREMELY_POOR', 'EMPTY_NEST_ELDERLY', 'RURAL_LEFT_BEHIND', 'CHILDREN_IN_DIFFICULTY', 'PEOPLE_WITH_DISABILITIES', 'MIGRANT_WORKERS_AND_CHILDREN');--> statement-breakpoint
CREATE TYPE "public"."funding_channel" AS ENUM('GOVERNMENT_PURCHASE', 'VENTURE_PHILANTHROPY', 'SOCIAL_SUPPORT', 'WORK_FUNDS', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."project_category" AS ENUM('VENTURE_PHILANTHROPY', 'GOVERNMENT_PURCHASED_SERVICE', 'POVERTY_ALLEVIATION', 'NEIGHBOURHOOD_CARE', 'COMMUNITY_CONSULTATION', 'COMMUNITY_SAFETY', 'CULTURE', 'PATRIOTIC_HEALTH', 'EPIDEMIC_RESPONSE', 'CAPACITY_BUILDING', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."project_status" AS ENUM('PLANNED', 'ACTIVE', 'COMPLETED', 'SUSPENDED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."donation_purpose" AS ENUM('EPIDEMIC_RESPONSE', 'POVERTY_ALLEVIATION', 'DISASTER_RELIEF', 'EDUCATION', 'HEALTH', 'ELDERLY_CARE', 'CHILD_WELFARE', 'COMMUNITY_DEVELOPMENT', 'ENVIRONMENT', 'CULTURE', 'GENERAL');--> statement-breakpoint
CREATE TYPE "public"."donation_status" AS ENUM('PLEDGED', 'PARTIALLY_DELIVERED', 'DELIVERED', 'VERIFIED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."training_audience" AS ENUM('CIVIL_AFFAIRS_ASSISTANTS', 'COMMUNITY_WORKERS', 'CHILD_DIRECTORS', 'COMMUNITY_ORGANIZATION_LEADERS', 'COMMUNITY_SOCIAL_WORKERS', 'VOLUNTEERS', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."training_format" AS ENUM('DEMONSTRATION', 'ONLINE_CLASS', 'NEW_MEDIA', 'WORKSHOP', 'FORUM', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."metric_scope" AS ENUM('NATIONAL', 'REGION', 'ORGANIZATION');--> statement-breakpoint
CREATE TYPE "public"."value_qualifier" AS ENUM('EXACT', 'AT_LEAST', 'APPROXIMATE');--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"publisher" text NOT NULL,
	"published_on" date NOT NULL,
	"url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" char(6) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"parent_code" char(6),
	"level" smallint NOT NULL,
	CONSTRAINT "regions_code_format" CHECK ("regions"."code" ~ '^[0-9]{6}$'),
	CONSTRAINT "regions_level_range" CHECK ("regions"."level" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"type" "organization_type" NOT NULL,
	"registration_status" "registration_status" NOT NULL,
	"credit_code" char(18),
	"region_code" char(6),
	"founded_on" date,
	"service_areas" "service_area"[] DEFAULT '{}' NOT NULL,
	"target_groups" "target_group"[] DEFAULT '{}' NOT NULL,
	"evaluation_grade" "evaluation_grade",
	"industry" char(1),
	"incubator_id" uuid,
	"provenance_kind" "provenance_kind" NOT NULL,
	"source_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_credit_code_unique" UNIQUE("credit_code"),
	CONSTRAINT "organizations_industry_section" CHECK ("organizations"."industry" between 'A' and 'T'),
	CONSTRAINT "organizations_credit_code_format" CHECK ("organizations"."credit_code" ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
	CONSTRAINT "organizations_not_own_incubator" CHECK ("organizations"."incubator_id" <> "organizations"."id")
);
--> statement-breakpoint
CREATE TABLE "project_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"summary" text NOT NULL,
	"beneficiaries_reached" integer,
	"spent" numeric(18, 2),
	"provenance_kind" "provenance_kind" NOT NULL,
	"source_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_reports_period_ordered" CHECK ("project_reports"."period_end" >= "project_reports"."period_start"),
	CONSTRAINT "project_reports_spent_not_negative" CHECK ("project_reports"."spent" >= 0),
	CONSTRAINT "project_reports_beneficiaries_not_negative" CHECK ("project_reports"."beneficiaries_reached" >= 0)
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"category" "project_category" NOT NULL,
	"funding_channel" "funding_channel" NOT NULL,
	"status" "project_status" NOT NULL,
	"region_code" char(6),
	"starts_on" date,
	"ends_on" date,
	"budget" numeric(18, 2),
	"beneficiary_count" integer,
	"target_groups" "target_group"[] DEFAULT '{}' NOT NULL,
	"provenance_kind" "provenance_kind" NOT NULL,
	"source_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_budget_not_negative" CHECK ("projects"."budget" >= 0),
	CONSTRAINT "projects_beneficiary_count_not_negative" CHECK ("projects"."beneficiary_count" >= 0),
	CONSTRAINT "projects_period_ordered" CHECK ("projects"."ends_on" >= "projects"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "disbursements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"donation_id" uuid NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"disbursed_on" date NOT NULL,
	"description" text,
	"provenance_kind" "provenance_kind" NOT NULL,
	"source_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disbursements_amount_positive" CHECK ("disbursements"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "donations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"donor_id" uuid,
	"donor_name" text NOT NULL,
	"recipient_id" uuid,
	"project_id" uuid,
	"purpose" "donation_purpose" NOT NULL,
	"status" "donation_status" NOT NULL,
	"pledged_on" date,
	"delivered_on" date,
	"currency" char(3) DEFAULT 'CNY' NOT NULL,
	"cash" numeric(18, 2),
	"in_kind" numeric(18, 2),
	"total" numeric(18, 2) NOT NULL,
	"delivered" numeric(18, 2) DEFAULT '0' NOT NULL,
	"in_kind_description" text,
	"provenance_kind" "provenance_kind" NOT NULL,
	"source_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donations_cash_not_negative" CHECK ("donations"."cash" >= 0),
	CONSTRAINT "donations_in_kind_not_negative" CHECK ("donations"."in_kind" >= 0),
	CONSTRAINT "donations_total_not_negative" CHECK ("donations"."total" >= 0),
	CONSTRAINT "donations_split_known_together" CHECK (("donations"."cash" is null) = ("donations"."in_kind" is null)),
	CONSTRAINT "donations_total_is_cash_plus_in_kind" CHECK ("donations"."cash" is null or "donations"."total" = "donations"."cash" + "donations"."in_kind"),
	CONSTRAINT "donations_delivered_within_total" CHECK ("donations"."delivered" >= 0 and "donations"."delivered" <= "donations"."total"),
	CONSTRAINT "donations_delivered_after_pledged" CHECK ("donations"."delivered_on" >= "donations"."pledged_on"),
	CONSTRAINT "donations_has_party" CHECK ("donations"."donor_id" is not null or "donations"."recipient_id" is not null or "donations"."project_id" is not null or "donations"."donor_name" <> '')
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"organizer_id" uuid,
	"format" "training_format" NOT NULL,
	"audiences" "training_audience"[] DEFAULT '{}' NOT NULL,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"region_code" char(6),
	"starts_on" date NOT NULL,
	"ends_on" date,
	"participant_count" integer NOT NULL,
	"provenance_kind" "provenance_kind" NOT NULL,
	"source_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_participants_not_negative" CHECK ("training_sessions"."participant_count" >= 0),
	CONSTRAINT "training_sessions_period_ordered" CHECK ("training_sessions"."ends_on" >= "training_sessions"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "governance_indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"unit" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_metrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_code" text NOT NULL,
	"scope" "metric_scope" NOT NULL,
	"organization_id" uuid,
	"region_code" char(6),
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"value" numeric,
	"value_qualifier" "value_qualifier" DEFAULT 'EXACT' NOT NULL,
	"target" numeric,
	"provenance_kind" "provenance_kind" NOT NULL,
	"source_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_metrics_period_ordered" CHECK ("governance_metrics"."period_end" >= "governance_metrics"."period_start"),
	CONSTRAINT "governance_metrics_has_figure" CHECK ("governance_metrics"."value" is not null or "governance_metrics"."target" is not null),
	CONSTRAINT "governance_metrics_scope_matches" CHECK (case "governance_metrics"."scope"
        when 'NATIONAL' then "governance_metrics"."organization_id" is null and "governance_metrics"."region_code" is null
        when 'REGION' then "governance_metrics"."organization_id" is null and "governance_metrics"."region_code" is not null
        else "governance_metrics"."organization_id" is not null end)
);
--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_code_regions_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."regions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_incubator_id_organizations_id_fk" FOREIGN KEY ("incubator_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reports" ADD CONSTRAINT "project_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reports" ADD CONSTRAINT "project_reports_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_donation_id_donations_id_fk" FOREIGN KEY ("donation_id") REFERENCES "public"."donations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_donor_id_organizations_id_fk" FOREIGN KEY ("donor_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_recipient_id_organizations_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "donations" ADD CONSTRAINT "donations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_organizer_id_organizations_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_metrics" ADD CONSTRAINT "governance_metrics_indicator_code_governance_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."governance_indicators"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_metrics" ADD CONSTRAINT "governance_metrics_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_metrics" ADD CONSTRAINT "governance_metrics_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_metrics" ADD CONSTRAINT "governance_metrics_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "regions_parent_code_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "organizations_name_id_idx" ON "organizations" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "organizations_created_at_id_idx" ON "organizations" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "organizations_founded_on_id_idx" ON "organizations" USING btree (coalesce("founded_on", '-infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "organizations_region_code_idx" ON "organizations" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "organizations_type_idx" ON "organizations" USING btree ("type");--> statement-breakpoint
CREATE INDEX "organizations_industry_idx" ON "organizations" USING btree ("industry");--> statement-breakpoint
CREATE INDEX "organizations_incubator_id_idx" ON "organizations" USING btree ("incubator_id");--> statement-breakpoint
CREATE INDEX "organizations_service_areas_idx" ON "organizations" USING gin ("service_areas");--> statement-breakpoint
CREATE INDEX "project_reports_project_id_period_end_id_idx" ON "project_reports" USING btree ("project_id","period_end","id");--> statement-breakpoint
CREATE INDEX "projects_organization_id_created_at_id_idx" ON "projects" USING btree ("organization_id","created_at","id");--> statement-breakpoint
CREATE INDEX "projects_name_id_idx" ON "projects" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "projects_created_at_id_idx" ON "projects" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "projects_starts_on_id_idx" ON "projects" USING btree (coalesce("starts_on", '-infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "projects_region_code_idx" ON "projects" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "projects_category_idx" ON "projects" USING btree ("category");--> statement-breakpoint
CREATE INDEX "disbursements_donation_id_disbursed_on_idx" ON "disbursements" USING btree ("donation_id","disbursed_on","id");--> statement-breakpoint
CREATE INDEX "donations_pledged_on_id_idx" ON "donations" USING btree (coalesce("pledged_on", '-infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "donations_total_id_idx" ON "donations" USING btree ("total","id");--> statement-breakpoint
CREATE INDEX "donations_created_at_id_idx" ON "donations" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "donations_project_id_pledged_on_id_idx" ON "donations" USING btree ("project_id",coalesce("pledged_on", '-infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "donations_donor_id_pledged_on_id_idx" ON "donations" USING btree ("donor_id",coalesce("pledged_on", '-infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "donations_recipient_id_pledged_on_id_idx" ON "donations" USING btree ("recipient_id",coalesce("pledged_on", '-infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "training_sessions_starts_on_id_idx" ON "training_sessions" USING btree ("starts_on","id");--> statement-breakpoint
CREATE INDEX "training_sessions_organizer_id_starts_on_id_idx" ON "training_sessions" USING btree ("organizer_id","starts_on","id");--> statement-breakpoint
CREATE INDEX "training_sessions_region_code_idx" ON "training_sessions" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "training_sessions_created_at_id_idx" ON "training_sessions" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "governance_metrics_period_end_id_idx" ON "governance_metrics" USING btree ("period_end","id");--> statement-breakpoint
CREATE INDEX "governance_metrics_indicator_code_idx" ON "governance_metrics" USING btree ("indicator_code");--> statement-breakpoint
CREATE INDEX "governance_metrics_organization_id_idx" ON "governance_metrics" USING btree ("organization_id");