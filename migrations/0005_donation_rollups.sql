CREATE TABLE "donation_rollup_commits" (
	"transaction_id" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "donation_rollup_deltas" (
	"transaction_id" bigint NOT NULL,
	"provenance_kind" "provenance_kind" NOT NULL,
	"purpose" "donation_purpose",
	"status" "donation_status",
	"donor_type" "organization_type",
	"donor_industry" char(1),
	"province" char(6),
	"month" date,
	"donation_count" bigint NOT NULL,
	"total" numeric(20, 2) NOT NULL,
	"cash" numeric(20, 2) NOT NULL,
	"in_kind" numeric(20, 2) NOT NULL,
	"unsplit_total" numeric(20, 2) NOT NULL,
	"delivered" numeric(20, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "donation_rollup_grains" (
	"grain" smallint PRIMARY KEY NOT NULL,
	"by_purpose" boolean NOT NULL,
	"by_status" boolean NOT NULL,
	"by_donor_type" boolean NOT NULL,
	"by_donor_industry" boolean NOT NULL,
	"by_province" boolean NOT NULL,
	"by_month" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "donation_rollups" (
	"grain" smallint NOT NULL,
	"provenance_kind" "provenance_kind" NOT NULL,
	"purpose" "donation_purpose",
	"status" "donation_status",
	"donor_type" "organization_type",
	"donor_industry" char(1),
	"province" char(6),
	"month" date,
	"donation_count" bigint NOT NULL,
	"total" numeric(20, 2) NOT NULL,
	"cash" numeric(20, 2) NOT NULL,
	"in_kind" numeric(20, 2) NOT NULL,
	"unsplit_total" numeric(20, 2) NOT NULL,
	"delivered" numeric(20, 2) NOT NULL,
	CONSTRAINT "donation_rollups_key" UNIQUE NULLS NOT DISTINCT("grain","provenance_kind","purpose","status","donor_type","donor_industry","province","month")
);
--> statement-breakpoint
ALTER TABLE "donation_rollups" ADD CONSTRAINT "donation_rollups_grain_donation_rollup_grains_grain_fk" FOREIGN KEY ("grain") REFERENCES "public"."donation_rollup_grains"("grain") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "donation_rollup_deltas_transaction_id_idx" ON "donation_rollup_deltas" USING btree ("transaction_id");