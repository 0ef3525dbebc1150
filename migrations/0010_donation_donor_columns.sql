ALTER TABLE "donations" ADD COLUMN "donor_type" "organization_type";--> statement-breakpoint
ALTER TABLE "donations" ADD COLUMN "donor_industry" char(1);