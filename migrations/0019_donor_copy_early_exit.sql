-- An update of organizations that changes no type or industry (a name, the name columns' fill, a
-- grade) copied nothing to donations, but still ran the copy's join of donations against the
-- statement's rows: planned before the tables were analysed (right after a bulk load), that join
-- read the donations table for every batch, and the seed's fill of 1,000 names missed its 10 s
-- deadline on the 1,000,000-donation set. The copy now returns at once when no type or industry
-- changed, as the rollups' staging for organizations does.
CREATE OR REPLACE FUNCTION "copy_donor_to_donations"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "new_organizations" n JOIN "old_organizations" o USING ("id")
    WHERE (n."type", n."industry") IS DISTINCT FROM (o."type", o."industry")
  ) THEN
    RETURN NULL;
  END IF;
  UPDATE "donations" d SET "donor_type" = n."type", "donor_industry" = n."industry"
    FROM "new_organizations" n JOIN "old_organizations" o USING ("id")
    WHERE d."donor_id" = n."id" AND (n."type", n."industry") IS DISTINCT FROM (o."type", o."industry");
  RETURN NULL;
END;
$$;
