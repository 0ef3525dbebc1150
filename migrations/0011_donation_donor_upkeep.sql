-- donations.donor_type and donor_industry are a copy of the donor organization's type and industry,
-- so that the donor filters read the donations' own indexes instead of joining every donor. Triggers
-- keep the copy true whoever writes (the API's mutations, imports, the seed, SQL by hand): a donation
-- takes its donor's values whenever it is written with a donor, and every donation of an organization
-- whose type or industry changes takes the new ones.

-- Donations stored before the columns existed. The copy changes no rollup key (the rollups read
-- the donor's row, not these columns), so the rollups' staging trigger would stage only zero sums.
ALTER TABLE "donations" DISABLE TRIGGER "donations_stage_rollups_update";--> statement-breakpoint
UPDATE "donations" d SET "donor_type" = o."type", "donor_industry" = o."industry"
  FROM "organizations" o WHERE o."id" = d."donor_id";--> statement-breakpoint
ALTER TABLE "donations" ENABLE TRIGGER "donations_stage_rollups_update";--> statement-breakpoint
CREATE FUNCTION "copy_donor_to_donation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."donor_id" IS NULL THEN
    NEW."donor_type" := NULL;
    NEW."donor_industry" := NULL;
  ELSE
    SELECT o."type", o."industry" INTO NEW."donor_type", NEW."donor_industry"
      FROM "organizations" o WHERE o."id" = NEW."donor_id";
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
-- also when a statement sets the copies themselves: they cannot be written otherwise than as the donor's
CREATE TRIGGER "donations_copy_donor" BEFORE INSERT OR UPDATE OF "donor_id", "donor_type", "donor_industry"
  ON "donations" FOR EACH ROW EXECUTE FUNCTION "copy_donor_to_donation"();--> statement-breakpoint
CREATE FUNCTION "copy_donor_to_donations"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "donations" d SET "donor_type" = n."type", "donor_industry" = n."industry"
    FROM "new_organizations" n JOIN "old_organizations" o USING ("id")
    WHERE d."donor_id" = n."id" AND (n."type", n."industry") IS DISTINCT FROM (o."type", o."industry");
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "organizations_copy_donor_to_donations" AFTER UPDATE ON "organizations"
  REFERENCING OLD TABLE AS "old_organizations" NEW TABLE AS "new_organizations"
  FOR EACH STATEMENT EXECUTE FUNCTION "copy_donor_to_donations"();
