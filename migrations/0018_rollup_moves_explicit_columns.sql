-- The rollups' staging for organizations and projects read `d.*` of donations beside their own
-- "donor_type" and "donor_industry": since donations carry those columns (0010), the names were
-- ambiguous and an organization's change of type, industry or region failed. The same functions,
-- reading only the donation columns they sum by.
CREATE OR REPLACE FUNCTION "stage_donation_rollup_moves_for_organizations"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    SELECT -1 AS "sign", d."provenance_kind", d."purpose", d."status", d."total", d."cash", d."in_kind", d."delivered",
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
    SELECT 1, d."provenance_kind", d."purpose", d."status", d."total", d."cash", d."in_kind", d."delivered", donor."type", donor."industry",
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
CREATE OR REPLACE FUNCTION "stage_donation_rollup_moves_for_projects"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    SELECT -1 AS "sign", d."provenance_kind", d."purpose", d."status", d."total", d."cash", d."in_kind", d."delivered", donor."type" AS "donor_type", donor."industry" AS "donor_industry",
      left(coalesce(recipient."region_code", old_project."region_code"), 2) || '0000' AS "province",
      date_trunc('month', d."pledged_on"::timestamp)::date AS "month"
    FROM "donations" d
      JOIN "old_projects" old_project ON old_project."id" = d."project_id"
      LEFT JOIN "organizations" donor ON donor."id" = d."donor_id"
      LEFT JOIN "organizations" recipient ON recipient."id" = d."recipient_id"
    UNION ALL
    SELECT 1, d."provenance_kind", d."purpose", d."status", d."total", d."cash", d."in_kind", d."delivered", donor."type", donor."industry",
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
$$;
