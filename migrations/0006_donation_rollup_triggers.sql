-- Donation rollups (src/db/schema/rollups.ts), kept exact in the transaction of every write.
-- Statement triggers on donations stage the statement's signed sums, at the finest grain, in
-- donation_rollup_deltas; statements on organizations and projects that move donations between
-- keys (a donor's type or industry, a recipient's or project's region) stage the move. The
-- transaction registers once in donation_rollup_commits, and at its commit a deferred trigger folds
-- its deltas into every grain in key order, holding the change feed's commit lock
-- (0004_change_commits.sql): one folder at a time, taken after every row lock the transaction
-- holds, so a hot rollup row neither deadlocks writers nor loses an update.
INSERT INTO "donation_rollup_grains"
  ("grain", "by_purpose", "by_status", "by_donor_type", "by_donor_industry", "by_province", "by_month")
VALUES
  (0, false, false, false, false, false, false),
  (1, true, true, true, true, false, false),
  (2, true, true, false, false, true, false),
  (3, true, true, false, false, false, true),
  (4, true, true, true, false, true, false),
  (5, true, true, true, false, false, true);--> statement-breakpoint
CREATE FUNCTION "stage_donation_rollup_deltas"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "donation_rollup_deltas" ("transaction_id", "provenance_kind", "purpose", "status", "donor_type",
      "donor_industry", "province", "month", "donation_count", "total", "cash", "in_kind", "unsplit_total", "delivered")
    SELECT pg_current_xact_id()::text::bigint, d."provenance_kind", d."purpose", d."status", donor."type", donor."industry",
      left(coalesce(recipient."region_code", project."region_code"), 2) || '0000',
      date_trunc('month', d."pledged_on"::timestamp)::date,
      -count(*), -sum(d."total"), -coalesce(sum(d."cash"), 0), -coalesce(sum(d."in_kind"), 0),
      -coalesce(sum(d."total") FILTER (WHERE d."cash" IS NULL), 0), -sum(d."delivered")
    FROM "old_donations" d
      LEFT JOIN "organizations" donor ON donor."id" = d."donor_id"
      LEFT JOIN "organizations" recipient ON recipient."id" = d."recipient_id"
      LEFT JOIN "projects" project ON project."id" = d."project_id"
    GROUP BY 2, 3, 4, 5, 6, 7, 8;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "donation_rollup_deltas" ("transaction_id", "provenance_kind", "purpose", "status", "donor_type",
      "donor_industry", "province", "month", "donation_count", "total", "cash", "in_kind", "unsplit_total", "delivered")
    SELECT pg_current_xact_id()::text::bigint, d."provenance_kind", d."purpose", d."status", donor."type", donor."industry",
      left(coalesce(recipient."region_code", project."region_code"), 2) || '0000',
      date_trunc('month', d."pledged_on"::timestamp)::date,
      count(*), sum(d."total"), coalesce(sum(d."cash"), 0), coalesce(sum(d."in_kind"), 0),
      coalesce(sum(d."total") FILTER (WHERE d."cash" IS NULL), 0), sum(d."delivered")
    FROM "new_donations" d
      LEFT JOIN "organizations" donor ON donor."id" = d."donor_id"
      LEFT JOIN "organizations" recipient ON recipient."id" = d."recipient_id"
      LEFT JOIN "projects" project ON project."id" = d."project_id"
    GROUP BY 2, 3, 4, 5, 6, 7, 8;
  END IF;
  INSERT INTO "donation_rollup_commits" ("transaction_id") VALUES (pg_current_xact_id()::text::bigint) ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- A donor's type or industry, or a recipient's region, changed: its donations leave their old keys for the new ones.
CREATE FUNCTION "stage_donation_rollup_moves_for_organizations"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "new_organizations" n JOIN "old_organizations" o USING ("id")
    WHERE (n."type", n."industry", n."region_code") IS DISTINCT FROM (o."type", o."industry", o."region_code")
  ) THEN
    RETURN NULL;
  END IF;
  INSERT INTO "donation_rollup_deltas" ("transaction_id", "provenance_kind", "purpose", "status", "donor_type",
    "donor_industry", "province", "month", "donation_count", "total", "cash", "in_kind", "unsplit_total", "delivered")
  SELECT pg_current_xact_id()::text::bigint, m."provenance_kind", m."purpose", m."status", m."donor_type", m."donor_industry",
    m."province", m."month", sum(m."sign"), sum(m."sign" * m."total"), sum(m."sign" * coalesce(m."cash", 0)),
    sum(m."sign" * coalesce(m."in_kind", 0)), coalesce(sum(m."sign" * m."total") FILTER (WHERE m."cash" IS NULL), 0),
    sum(m."sign" * m."delivered")
  FROM (
    SELECT -1 AS "sign", d.*,
      CASE WHEN old_donor."id" IS NULL THEN donor."type" ELSE old_donor."type" END AS "donor_type",
      CASE WHEN old_donor."id" IS NULL THEN donor."industry" ELSE old_donor."industry" END AS "donor_industry",
      left(coalesce(CASE WHEN old_recipient."id" IS NULL THEN recipient."region_code" ELSE old_recipient."region_code" END,
        project."region_code"), 2) || '0000' AS "province",
      date_trunc('month', d."pledged_on"::timestamp)::date AS "month"
    FROM "donations" d
      LEFT JOIN "organizations" donor ON donor."id" = d."donor_id"
      LEFT JOIN "old_organizations" old_donor ON old_donor."id" = d."donor_id"
      LEFT JOIN "organizations" recipient ON recipient."id" = d."recipient_id"
      LEFT JOIN "old_organizations" old_recipient ON old_recipient."id" = d."recipient_id"
      LEFT JOIN "projects" project ON project."id" = d."project_id"
    WHERE d."donor_id" IN (SELECT "id" FROM "old_organizations") OR d."recipient_id" IN (SELECT "id" FROM "old_organizations")
    UNION ALL
    SELECT 1, d.*, donor."type", donor."industry",
      left(coalesce(recipient."region_code", project."region_code"), 2) || '0000',
      date_trunc('month', d."pledged_on"::timestamp)::date
    FROM "donations" d
      LEFT JOIN "organizations" donor ON donor."id" = d."donor_id"
      LEFT JOIN "organizations" recipient ON recipient."id" = d."recipient_id"
      LEFT JOIN "projects" project ON project."id" = d."project_id"
    WHERE d."donor_id" IN (SELECT "id" FROM "old_organizations") OR d."recipient_id" IN (SELECT "id" FROM "old_organizations")
  ) m
  GROUP BY 2, 3, 4, 5, 6, 7, 8;
  INSERT INTO "donation_rollup_commits" ("transaction_id") VALUES (pg_current_xact_id()::text::bigint) ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- A project's region changed: its donations without a recipient region move province.
CREATE FUNCTION "stage_donation_rollup_moves_for_projects"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "new_projects" n JOIN "old_projects" o USING ("id") WHERE n."region_code" IS DISTINCT FROM o."region_code"
  ) THEN
    RETURN NULL;
  END IF;
  INSERT INTO "donation_rollup_deltas" ("transaction_id", "provenance_kind", "purpose", "status", "donor_type",
    "donor_industry", "province", "month", "donation_count", "total", "cash", "in_kind", "unsplit_total", "delivered")
  SELECT pg_current_xact_id()::text::bigint, m."provenance_kind", m."purpose", m."status", m."donor_type", m."donor_industry",
    m."province", m."month", sum(m."sign"), sum(m."sign" * m."total"), sum(m."sign" * coalesce(m."cash", 0)),
    sum(m."sign" * coalesce(m."in_kind", 0)), coalesce(sum(m."sign" * m."total") FILTER (WHERE m."cash" IS NULL), 0),
    sum(m."sign" * m."delivered")
  FROM (
    SELECT -1 AS "sign", d.*, donor."type" AS "donor_type", donor."industry" AS "donor_industry",
      left(coalesce(recipient."region_code", old_project."region_code"), 2) || '0000' AS "province",
      date_trunc('month', d."pledged_on"::timestamp)::date AS "month"
    FROM "donations" d
      JOIN "old_projects" old_project ON old_project."id" = d."project_id"
      LEFT JOIN "organizations" donor ON donor."id" = d."donor_id"
      LEFT JOIN "organizations" recipient ON recipient."id" = d."recipient_id"
    UNION ALL
    SELECT 1, d.*, donor."type", donor."industry",
      left(coalesce(recipient."region_code", project."region_code"), 2) || '0000',
      date_trunc('month', d."pledged_on"::timestamp)::date
    FROM "donations" d
      JOIN "new_projects" project ON project."id" = d."project_id"
      LEFT JOIN "organizations" donor ON donor."id" = d."donor_id"
      LEFT JOIN "organizations" recipient ON recipient."id" = d."recipient_id"
  ) m
  GROUP BY 2, 3, 4, 5, 6, 7, 8;
  INSERT INTO "donation_rollup_commits" ("transaction_id") VALUES (pg_current_xact_id()::text::bigint) ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION "fold_donation_rollup_deltas"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- the change feed's commit lock (0004_change_commits.sql): one folder at a time, after all other locks
  PERFORM pg_advisory_xact_lock(113723144136041);
  INSERT INTO "donation_rollups" AS r ("grain", "provenance_kind", "purpose", "status", "donor_type", "donor_industry",
    "province", "month", "donation_count", "total", "cash", "in_kind", "unsplit_total", "delivered")
  SELECT g."grain", d."provenance_kind",
    CASE WHEN g."by_purpose" THEN d."purpose" END, CASE WHEN g."by_status" THEN d."status" END,
    CASE WHEN g."by_donor_type" THEN d."donor_type" END, CASE WHEN g."by_donor_industry" THEN d."donor_industry" END,
    CASE WHEN g."by_province" THEN d."province" END, CASE WHEN g."by_month" THEN d."month" END,
    sum(d."donation_count"), sum(d."total"), sum(d."cash"), sum(d."in_kind"), sum(d."unsplit_total"), sum(d."delivered")
  FROM "donation_rollup_deltas" d CROSS JOIN "donation_rollup_grains" g
  WHERE d."transaction_id" = NEW."transaction_id"
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING sum(d."donation_count") <> 0 OR sum(d."total") <> 0 OR sum(d."cash") <> 0 OR sum(d."in_kind") <> 0
    OR sum(d."unsplit_total") <> 0 OR sum(d."delivered") <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
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
-- TRUNCATE fires no row or statement DELETE triggers: empty the rollups with the table.
CREATE FUNCTION "empty_donation_rollups"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "donation_rollups";
  DELETE FROM "donation_rollup_deltas";
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "donations_stage_rollups_insert" AFTER INSERT ON "donations"
  REFERENCING NEW TABLE AS "new_donations" FOR EACH STATEMENT EXECUTE FUNCTION "stage_donation_rollup_deltas"();--> statement-breakpoint
CREATE TRIGGER "donations_stage_rollups_update" AFTER UPDATE ON "donations"
  REFERENCING OLD TABLE AS "old_donations" NEW TABLE AS "new_donations"
  FOR EACH STATEMENT EXECUTE FUNCTION "stage_donation_rollup_deltas"();--> statement-breakpoint
CREATE TRIGGER "donations_stage_rollups_delete" AFTER DELETE ON "donations"
  REFERENCING OLD TABLE AS "old_donations" FOR EACH STATEMENT EXECUTE FUNCTION "stage_donation_rollup_deltas"();--> statement-breakpoint
CREATE TRIGGER "donations_empty_rollups_truncate" AFTER TRUNCATE ON "donations"
  FOR EACH STATEMENT EXECUTE FUNCTION "empty_donation_rollups"();--> statement-breakpoint
CREATE TRIGGER "organizations_stage_rollup_moves" AFTER UPDATE ON "organizations"
  REFERENCING OLD TABLE AS "old_organizations" NEW TABLE AS "new_organizations"
  FOR EACH STATEMENT EXECUTE FUNCTION "stage_donation_rollup_moves_for_organizations"();--> statement-breakpoint
CREATE TRIGGER "projects_stage_rollup_moves" AFTER UPDATE ON "projects"
  REFERENCING OLD TABLE AS "old_projects" NEW TABLE AS "new_projects"
  FOR EACH STATEMENT EXECUTE FUNCTION "stage_donation_rollup_moves_for_projects"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "donation_rollup_commits_fold_at_commit" AFTER INSERT ON "donation_rollup_commits"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "fold_donation_rollup_deltas"();--> statement-breakpoint
-- donations stored before the rollups existed: staged as one insert of every row, folded when this migration commits
INSERT INTO "donation_rollup_deltas" ("transaction_id", "provenance_kind", "purpose", "status", "donor_type",
  "donor_industry", "province", "month", "donation_count", "total", "cash", "in_kind", "unsplit_total", "delivered")
SELECT pg_current_xact_id()::text::bigint, d."provenance_kind", d."purpose", d."status", donor."type", donor."industry",
  left(coalesce(recipient."region_code", project."region_code"), 2) || '0000',
  date_trunc('month', d."pledged_on"::timestamp)::date,
  count(*), sum(d."total"), coalesce(sum(d."cash"), 0), coalesce(sum(d."in_kind"), 0),
  coalesce(sum(d."total") FILTER (WHERE d."cash" IS NULL), 0), sum(d."delivered")
FROM "donations" d
  LEFT JOIN "organizations" donor ON donor."id" = d."donor_id"
  LEFT JOIN "organizations" recipient ON recipient."id" = d."recipient_id"
  LEFT JOIN "projects" project ON project."id" = d."project_id"
GROUP BY 2, 3, 4, 5, 6, 7, 8;--> statement-breakpoint
INSERT INTO "donation_rollup_commits" ("transaction_id") VALUES (pg_current_xact_id()::text::bigint) ON CONFLICT DO NOTHING;
