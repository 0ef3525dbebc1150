ALTER TABLE "sources" ALTER COLUMN "publisher" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "author" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "industry_inferred" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "legal_person_id" uuid;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_legal_person_id_organizations_id_fk" FOREIGN KEY ("legal_person_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organizations_legal_person_id_idx" ON "organizations" USING btree ("legal_person_id");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_not_own_legal_person" CHECK ("organizations"."legal_person_id" <> "organizations"."id");--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_industry_inferred_needs_industry" CHECK (not "organizations"."industry_inferred" or "organizations"."industry" is not null);