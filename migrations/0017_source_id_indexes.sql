CREATE INDEX "organizations_source_id_idx" ON "organizations" USING btree ("source_id") WHERE "organizations"."source_id" is not null;--> statement-breakpoint
CREATE INDEX "projects_source_id_idx" ON "projects" USING btree ("source_id") WHERE "projects"."source_id" is not null;--> statement-breakpoint
CREATE INDEX "donations_source_id_idx" ON "donations" USING btree ("source_id") WHERE "donations"."source_id" is not null;--> statement-breakpoint
CREATE INDEX "training_sessions_source_id_idx" ON "training_sessions" USING btree ("source_id") WHERE "training_sessions"."source_id" is not null;--> statement-breakpoint
CREATE INDEX "governance_metrics_source_id_idx" ON "governance_metrics" USING btree ("source_id") WHERE "governance_metrics"."source_id" is not null;