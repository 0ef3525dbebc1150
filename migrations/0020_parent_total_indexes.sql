CREATE INDEX "donations_project_id_total_id_idx" ON "donations" USING btree ("project_id","total","id");--> statement-breakpoint
CREATE INDEX "donations_donor_id_total_id_idx" ON "donations" USING btree ("donor_id","total","id");--> statement-breakpoint
CREATE INDEX "donations_recipient_id_total_id_idx" ON "donations" USING btree ("recipient_id","total","id");--> statement-breakpoint
CREATE INDEX "governance_metrics_created_at_id_idx" ON "governance_metrics" USING btree ("created_at","id");