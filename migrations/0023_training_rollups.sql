CREATE TABLE "training_rollup_commits" (
	"transaction_id" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_rollup_deltas" (
	"transaction_id" bigint NOT NULL,
	"provenance_kind" "provenance_kind" NOT NULL,
	"format" "training_format",
	"province" char(6),
	"month" date,
	"session_count" bigint NOT NULL,
	"person_times" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_rollups" (
	"grain" smallint NOT NULL,
	"provenance_kind" "provenance_kind" NOT NULL,
	"format" "training_format",
	"province" char(6),
	"month" date,
	"session_count" bigint NOT NULL,
	"person_times" bigint NOT NULL,
	CONSTRAINT "training_rollups_key" UNIQUE NULLS NOT DISTINCT("grain","provenance_kind","format","province","month")
);
--> statement-breakpoint
CREATE INDEX "training_rollup_deltas_transaction_id_idx" ON "training_rollup_deltas" USING btree ("transaction_id");