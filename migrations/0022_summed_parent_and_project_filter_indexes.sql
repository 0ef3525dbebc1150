DROP INDEX "donations_project_id_total_id_idx";--> statement-breakpoint
DROP INDEX "donations_donor_id_total_id_idx";--> statement-breakpoint
DROP INDEX "donations_recipient_id_total_id_idx";--> statement-breakpoint
CREATE INDEX "projects_status_region_code_starts_on_idx" ON "projects" USING btree ("status","region_code","starts_on");--> statement-breakpoint
CREATE INDEX "donations_project_id_total_id_idx" ON "donations" USING btree ("project_id","total","id","cash","in_kind","delivered","provenance_kind");--> statement-breakpoint
CREATE INDEX "donations_donor_id_total_id_idx" ON "donations" USING btree ("donor_id","total","id","cash","in_kind","delivered","provenance_kind");--> statement-breakpoint
CREATE INDEX "donations_recipient_id_total_id_idx" ON "donations" USING btree ("recipient_id","total","id","cash","in_kind","delivered","provenance_kind");