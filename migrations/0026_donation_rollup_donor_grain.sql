-- A donor grain for donation rollups (src/modules/statistics/donation-grains.ts, grain 6): a donor's
-- donationSummary, and a list's totalCount for one donor, read the donor's few rollup rows instead of
-- its donations. Rollup rows and staged deltas gain the donor; the staging and the fold of
-- 0006_donation_rollup_triggers.sql (and 0018's moves) carry it. The grain is filled from the
-- donations directly, so no staged delta may be waiting to be folded when this runs.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM "donation_rollup_deltas") THEN
    RAISE EXCEPTION 'donation rollup deltas are waiting to be folded: apply the migrations before 0026 in their own transaction first';
  END IF;
END;
$$;--> statement-breakpoint
ALTER TABLE "donation_rollups" DROP CONSTRAINT "donation_rollups_key";--> statement-breakpoint
ALTER TABLE "donation_rollup_deltas" ADD COLUMN "donor_id" uuid;--> statement-breakpoint
ALTER TABLE "donation_rollup_grains" ADD COLUMN "by_donor" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "donation_rollups" ADD COLUMN "donor_id" uuid;--> statement-breakpoint
CREATE INDEX "donation_rollups_grain_donor_id_idx" ON "donation_rollups" USING btree ("grain","donor_id");--> statement-breakpoint
ALTER TABLE "donation_rollups" ADD CONSTRAINT "donation_rollups_key" UNIQUE NULLS NOT DISTINCT("grain","provenance_kind","purpose","status","donor_type","donor_industry","province","month","donor_id");--> statement-breakpoint
INSERT INTO "donation_rollup_grains"
  ("grain", "by_purpose", "by_status", "by_donor_type", "by_donor_industry", "by_province", "by_month", "by_donor")
VALUES (6, false, false, false, false, false, false, true);--> statement-breakpoint
CREATE OR REPLACE FUNCTION "stage_donation_rollup_deltas"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "donation_rollup_deltas" ("transaction_id", "provenance_kind", "purpose", "status", "donor_type",
      "donor_industry", "province", "month", "donor_id", "donation_count", "total", "cash", "in_kind", "unsplit_total",
      "delivered")
    SELECT pg_current_xact_id()::text::bigint, d."provenance_kind", d."purpose", d."status", donor."type", donor."industry",
      left(coalesce(recipient."region_code", project."region_code"), 2) || '0000',
      date_trunc('month', d."pledged_on"::timestamp)::date, d."donor_id",
      -count(*), -sum(d."total"), -coalesce(sum(d."cash"), 0), -coalesce(sum(d."in_kind"), 0),
      -coalesce(sum(d."total") FILTER (WHERE d."cash" IS NULL), 0), -sum(d."delivered")
    FROM "old_donations" d
      LEFT JOIN "organizations" donor ON donor."id" = d."donor_id"
      LEFT JOIN "organizations" recipient ON recipient."id" = d."recipient_id"
      LEFT JOIN "projects" project ON project."id" = d."project_id"
    GROUP BY 2, 3, 4, 5, 6, 7, 8, 9;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "donation_rollup_deltas" ("transaction_id", "provenance_kind", "purpose", "status", "donor_type",
      "donor_industry", "province", "month", "donor_id", "donation_count", "total", "cash", "in_kind", "unsplit_total",
      "delivered")
    SELECT pg_current_xact_id()::text::bigint, d."provenance_kind", d."purpose", d."status", donor."type", donor."industry",
      left(coalesce(recipient."region_code", project."region_code"), 2) || '0000',
      date_trunc('month', d."pledged_on"::timestamp)::date, d."donor_id",
      count(*), sum(d."total"), coalesce(sum(d."cash"), 0), coalesce(sum(d."in_kind"), 0),
      coalesce(sum(d."total") FILTER (WHERE d."cash" IS NULL), 0), sum(d."delivered")
    FROM "new_donations" d
      LEFT JOIN "organizations" donor ON donor."id" = d."donor_id"
      LEFT JOIN "organizations" recipient ON recipient."id" = d."recipient_id"
      LEFT JOIN "projects" project ON project."id" = d."project_id"
    GROUP BY 2, 3, 4, 5, 6, 7, 8, 9;
  END IF;
  INSERT INTO "donation_rollup_commits" ("transaction_id") VALUES (pg_current_xact_id()::text::bigint) ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "stage_donation_rollup_moves_for_organizations"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "new_organizations" n JOIN "old_organizations" o USING ("id")
    WHERE (n."type", n."industry", n."region_code") IS DISTINCT FROM (o."type", o."industry", o."region_code")
  ) THEN
    RETURN NULL;
  END IF;
  INSERT INTO "donation_rollup_deltas" ("transaction_id", "provenance_kind", "purpose", "status", "donor_type",
    "donor_industry", "province", "month", "donor_id", "donation_count", "total", "cash", "in_kind", "unsplit_total",
    "delivered")
  SELECT pg_current_xact_id()::text::bigint, m."provenance_kind", m."purpose", m."status", m."donor_type", m."donor_industry",
    m."province", m."month", m."donor_id", sum(m."sign"), sum(m."sign" * m."total"), sum(m."sign" * coalesce(m."cash", 0)),
    sum(m."sign" * coalesce(m."in_kind", 0)), coalesce(sum(m."sign" * m."total") FILTER (WHERE m."cash" IS NULL), 0),
    sum(m."sign" * m."delivered")
  FROM (
    SELECT -1 AS "sign", d."provenance_kind", d."purpose", d."status", d."total", d."cash", d."in_kind", d."delivered",
      CASE WHEN old_donor."id" IS NULL THEN donor."type" ELSE old_donor."type" END AS "donor_type",
      CASE WHEN old_donor."id" IS NULL THEN donor."industry" ELSE old_donor."industry" END AS "donor_industry",
      left(coalesce(CASE WHEN old_recipient."id" IS NULL THEN recipient."region_code" ELSE old_recipient."region_code" END,
        project."region_code"), 2) || '0000' AS "province",
      date_trunc('month', d."pledged_on"::timestamp)::date AS "month", d."donor_id"
    FROM "donations" d
      LEFT JOIN "organizations" donor ON donor."id" = d."donor_id"
      LEFT JOIN "old_organizations" old_donor ON old_donor."id" = d."donor_id"
      LEFT JOIN "organizations" recipient ON recipient."id" = d."recipient_id"
      LEFT JOIN "old_organizations" old_recipient ON old_recipient."id" = d."recipient_id"
      LEFT JOIN "projects" project ON project."id" = d."project_id"
    WHERE d."donor_id" IN (SELECT "id" FROM "old_organizations") OR d."recipient_id" IN (SELECT "id" FROM "old_organizations")
    UNION ALL
    SELECT 1, d."provenance_kind", d."purpose", d."status", d."total", d."cash", d."in_kind", d."delivered", donor."type", donor."industry",
      left(coalesce(recipient."region_code", project."region_code"), 2) || '0000',
      date_trunc('month', d."pledged_on"::timestamp)::date, d."donor_id"
    FROM "donations" d
      LEFT JOIN "organizations" donor ON donor."id" = d."donor_id"
      LEFT JOIN "organizations" recipient ON recipient."id" = d."recipient_id"
      LEFT JOIN "projects" project ON project."id" = d."project_id"
    WHERE d."donor_id" IN (SELECT "id" FROM "old_organizations") OR d."recipient_id" IN (SELECT "id" FROM "old_organizations")
  ) m
  GROUP BY 2, 3, 4, 5, 6, 7, 8, 9;
  INSERT INTO "donation_rollup_commits" ("transaction_id") VALUES (pg_current_xact_id()::text::bigint) ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "stage_donation_rollup_moves_for_projects"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "new_projects" n JOIN "old_projects" o USING ("id") WHERE n."region_code" IS DISTINCT FROM o."region_code"
  ) THEN
    RETURN NULL;
  END IF;
  INSERT INTO "donation_rollup_deltas" ("transaction_id", "provenance_kind", "purpose", "status", "donor_type",
    "donor_industry", "province", "month", "donor_id", "donation_count", "total", "cash", "in_kind", "unsplit_total",
    "delivered")
  SELECT pg_current_xact_id()::text::bigint, m."provenance_kind", m."purpose", m."status", m."donor_type", m."donor_industry",
    m."province", m."month", m."donor_id", sum(m."sign"), sum(m."sign" * m."total"), sum(m."sign" * coalesce(m."cash", 0)),
    sum(m."sign" * coalesce(m."in_kind", 0)), coalesce(sum(m."sign" * m."total") FILTER (WHERE m."cash" IS NULL), 0),
    sum(m."sign" * m."delivered")
  FROM (
    SELECT -1 AS "sign", d."provenance_kind", d."purpose", d."status", d."total", d."cash", d."in_kind", d."delivered", donor."type" AS "donor_type", donor."industry" AS "donor_industry",
      left(coalesce(recipient."region_code", old_project."region_code"), 2) || '0000' AS "province",
      date_trunc('month', d."pledged_on"::timestamp)::date AS "month", d."donor_id"
    FROM "donations" d
      JOIN "old_projects" old_project ON old_project."id" = d."project_id"
      LEFT JOIN "organizations" donor ON donor."id" = d."donor_id"
      LEFT JOIN "organizations" recipient ON recipient."id" = d."recipient_id"
    UNION ALL
    SELECT 1, d."provenance_kind", d."purpose", d."status", d."total", d."cash", d."in_kind", d."delivered", donor."type", donor."industry",
      left(coalesce(recipient."region_code", project."region_code"), 2) || '0000',
      date_trunc('month', d."pledged_on"::timestamp)::date, d."donor_id"
    FROM "donations" d
      JOIN "new_projects" project ON project."id" = d."project_id"
      LEFT JOIN "organizations" donor ON donor."id" = d."donor_id"
      LEFT JOIN "organizations" recipient ON recipient."id" = d."recipient_id"
  ) m
  GROUP BY 2, 3, 4, 5, 6, 7, 8, 9;
  INSERT INTO "donation_rollup_commits" ("transaction_id") VALUES (pg_current_xact_id()::text::bigint) ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "fold_donation_rollup_deltas"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- the change feed's commit lock (0004_change_commits.sql): one folder at a time, after all other locks
  PERFORM pg_advisory_xact_lock(113723144136041);
  INSERT INTO "donation_rollups" AS r ("grain", "provenance_kind", "purpose", "status", "donor_type", "donor_industry",
    "province", "month", "donor_id", "donation_count", "total", "cash", "in_kind", "unsplit_total", "delivered")
  SELECT g."grain", d."provenance_kind",
    CASE WHEN g."by_purpose" THEN d."purpose" END, CASE WHEN g."by_status" THEN d."status" END,
    CASE WHEN g."by_donor_type" THEN d."donor_type" END, CASE WHEN g."by_donor_industry" THEN d."donor_industry" END,
    CASE WHEN g."by_province" THEN d."province" END, CASE WHEN g."by_month" THEN d."month" END,
    CASE WHEN g."by_donor" THEN d."donor_id" END,
    sum(d."donation_count"), sum(d."total"), sum(d."cash"), sum(d."in_kind"), sum(d."unsplit_total"), sum(d."delivered")
  FROM "donation_rollup_deltas" d CROSS JOIN "donation_rollup_grains" g
  WHERE d."transaction_id" = NEW."transaction_id"
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(d."donation_count") <> 0 OR sum(d."total") <> 0 OR sum(d."cash") <> 0 OR sum(d."in_kind") <> 0
    OR sum(d."unsplit_total") <> 0 OR sum(d."delivered") <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT ON CONSTRAINT "donation_rollups_key" DO UPDATE SET
    "donation_count" = r."donation_count" + excluded."donation_count",
    "total" = r."total" + excluded."total",
    "cash" = r."cash" + excluded."cash",
    "in_kind" = r."in_kind" + excluded."in_kind",
    "unsplit_total" = r."unsplit_total" + excluded."unsplit_total",
    "delivered" = r."delivered" + excluded."delivered";
  DELETE FROM "donation_rollup_deltas" WHERE "transaction_id" = NEW."transaction_id";
  DELETE FROM "donation_rollup_commits" WHERE "transaction_id" = NEW."transaction_id";
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- the donations stored before the donor grain existed
INSERT INTO "donation_rollups" ("grain", "provenance_kind", "donor_id", "donation_count", "total", "cash", "in_kind",
  "unsplit_total", "delivered")
SELECT 6, "provenance_kind", "donor_id", count(*), sum("total"), coalesce(sum("cash"), 0), coalesce(sum("in_kind"), 0),
  coalesce(sum("total") FILTER (WHERE "cash" IS NULL), 0), sum("delivered")
FROM "donations"
GROUP BY 2, 3;
