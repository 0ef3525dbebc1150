ALTER TABLE "organizations" ADD COLUMN "province_code" char(6) GENERATED ALWAYS AS (left("organizations"."region_code", 2) || '0000') STORED;--> statement-breakpoint
CREATE INDEX "organizations_province_code_name_id_idx" ON "organizations" USING btree ("province_code","name","id");--> statement-breakpoint
CREATE INDEX "organizations_province_code_founded_on_id_idx" ON "organizations" USING btree ("province_code",coalesce("founded_on", '-infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "organizations_province_code_created_at_id_idx" ON "organizations" USING btree ("province_code","created_at","id");--> statement-breakpoint
CREATE INDEX "organizations_province_code_type_provenance_kind_idx" ON "organizations" USING btree ("province_code","type","provenance_kind");