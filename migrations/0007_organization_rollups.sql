CREATE TABLE "organization_rollups" (
	"provenance_kind" "provenance_kind" NOT NULL,
	"type" "organization_type" NOT NULL,
	"registration_status" "registration_status" NOT NULL,
	"province" char(6),
	"evaluation_grade" "evaluation_grade",
	"organization_count" bigint NOT NULL,
	CONSTRAINT "organization_rollups_key" UNIQUE NULLS NOT DISTINCT("provenance_kind","type","registration_status","province","evaluation_grade")
);
