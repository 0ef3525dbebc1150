CREATE INDEX "projects_starts_on_idx" ON "projects" USING btree ("starts_on");--> statement-breakpoint
CREATE INDEX "projects_name_trgm_idx" ON "projects" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "donations_pledged_on_idx" ON "donations" USING btree ("pledged_on");--> statement-breakpoint
CREATE INDEX "training_sessions_participant_count_id_idx" ON "training_sessions" USING btree ("participant_count","id");