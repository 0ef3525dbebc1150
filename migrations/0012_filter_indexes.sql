CREATE INDEX "organizations_registration_status_idx" ON "organizations" USING btree ("registration_status");--> statement-breakpoint
CREATE INDEX "organizations_evaluation_grade_idx" ON "organizations" USING btree ("evaluation_grade");--> statement-breakpoint
CREATE INDEX "organizations_provenance_kind_idx" ON "organizations" USING btree ("provenance_kind");--> statement-breakpoint
CREATE INDEX "projects_funding_channel_idx" ON "projects" USING btree ("funding_channel");--> statement-breakpoint
CREATE INDEX "projects_status_idx" ON "projects" USING btree ("status");--> statement-breakpoint
CREATE INDEX "projects_provenance_kind_idx" ON "projects" USING btree ("provenance_kind");--> statement-breakpoint
CREATE INDEX "donations_status_idx" ON "donations" USING btree ("status");--> statement-breakpoint
CREATE INDEX "donations_purpose_idx" ON "donations" USING btree ("purpose");--> statement-breakpoint
CREATE INDEX "donations_donor_type_idx" ON "donations" USING btree ("donor_type");--> statement-breakpoint
CREATE INDEX "donations_donor_industry_idx" ON "donations" USING btree ("donor_industry");--> statement-breakpoint
CREATE INDEX "donations_provenance_kind_idx" ON "donations" USING btree ("provenance_kind");--> statement-breakpoint
CREATE INDEX "training_sessions_format_idx" ON "training_sessions" USING btree ("format");--> statement-breakpoint
CREATE INDEX "training_sessions_audiences_idx" ON "training_sessions" USING gin ("audiences");--> statement-breakpoint
CREATE INDEX "training_sessions_provenance_kind_idx" ON "training_sessions" USING btree ("provenance_kind");