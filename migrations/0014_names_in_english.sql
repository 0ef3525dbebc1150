ALTER TABLE "regions" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "search_text" text;--> statement-breakpoint
CREATE INDEX "organizations_search_text_idx" ON "organizations" USING gin ("search_text" gin_trgm_ops);