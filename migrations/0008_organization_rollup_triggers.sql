-- Organization rollups (src/db/schema/rollups.ts): each statement on organizations applies its
-- counted delta at once, in key order. Organizations are written by the seed and loads only; an
-- upsert on a hot row still serializes writers on its row lock, so no count is lost.
-- a transition table exists only for the events that have it, hence one statement per event
CREATE FUNCTION "apply_organization_rollup_deltas"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "organization_rollups" AS r ("provenance_kind", "type", "registration_status", "province",
      "evaluation_grade", "organization_count")
    SELECT m."provenance_kind", m."type", m."registration_status", left(m."region_code", 2) || '0000', m."evaluation_grade",
      sum(m."sign")
    FROM (SELECT 1 AS "sign", "provenance_kind", "type", "registration_status", "region_code", "evaluation_grade" FROM "new_organizations") m
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(m."sign") <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT "organization_rollups_key" DO UPDATE SET
      "organization_count" = r."organization_count" + excluded."organization_count";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "organization_rollups" AS r ("provenance_kind", "type", "registration_status", "province",
      "evaluation_grade", "organization_count")
    SELECT m."provenance_kind", m."type", m."registration_status", left(m."region_code", 2) || '0000', m."evaluation_grade",
      sum(m."sign")
    FROM (SELECT -1 AS "sign", "provenance_kind", "type", "registration_status", "region_code", "evaluation_grade" FROM "old_organizations") m
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(m."sign") <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT "organization_rollups_key" DO UPDATE SET
      "organization_count" = r."organization_count" + excluded."organization_count";
  ELSE
    INSERT INTO "organization_rollups" AS r ("provenance_kind", "type", "registration_status", "province",
      "evaluation_grade", "organization_count")
    SELECT m."provenance_kind", m."type", m."registration_status", left(m."region_code", 2) || '0000', m."evaluation_grade",
      sum(m."sign")
    FROM (SELECT -1 AS "sign", "provenance_kind", "type", "registration_status", "region_code", "evaluation_grade" FROM "old_organizations" UNION ALL SELECT 1, "provenance_kind", "type", "registration_status", "region_code", "evaluation_grade" FROM "new_organizations") m
    GROUP BY 1, 2, 3, 4, 5
    HAVING sum(m."sign") <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT "organization_rollups_key" DO UPDATE SET
      "organization_count" = r."organization_count" + excluded."organization_count";
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION "empty_organization_rollups"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "organization_rollups";
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "organizations_rollups_insert" AFTER INSERT ON "organizations"
  REFERENCING NEW TABLE AS "new_organizations" FOR EACH STATEMENT EXECUTE FUNCTION "apply_organization_rollup_deltas"();--> statement-breakpoint
CREATE TRIGGER "organizations_rollups_update" AFTER UPDATE ON "organizations"
  REFERENCING OLD TABLE AS "old_organizations" NEW TABLE AS "new_organizations"
  FOR EACH STATEMENT EXECUTE FUNCTION "apply_organization_rollup_deltas"();--> statement-breakpoint
CREATE TRIGGER "organizations_rollups_delete" AFTER DELETE ON "organizations"
  REFERENCING OLD TABLE AS "old_organizations" FOR EACH STATEMENT EXECUTE FUNCTION "apply_organization_rollup_deltas"();--> statement-breakpoint
CREATE TRIGGER "organizations_empty_rollups_truncate" AFTER TRUNCATE ON "organizations"
  FOR EACH STATEMENT EXECUTE FUNCTION "empty_organization_rollups"();--> statement-breakpoint
-- organizations stored before the rollups existed
INSERT INTO "organization_rollups" ("provenance_kind", "type", "registration_status", "province", "evaluation_grade",
  "organization_count")
SELECT "provenance_kind", "type", "registration_status", left("region_code", 2) || '0000', "evaluation_grade", count(*)
FROM "organizations"
GROUP BY 1, 2, 3, 4, 5;
