-- An organization's name columns (name_en, search_text; src/modules/organizations/name-columns.ts)
-- are derived from its name in pinyin, which SQL cannot compute. A statement that changes the name
-- without writing them clears them, so that no row is found by its old name;
-- fillOrganizationNameColumns (after every load and migration) writes them again.
CREATE FUNCTION "clear_organization_name_columns"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.name_en := NULL;
  NEW.search_text := NULL;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "organizations_name_columns_stale" BEFORE UPDATE OF "name" ON "organizations"
  FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name AND NEW.search_text IS NOT DISTINCT FROM OLD.search_text)
  EXECUTE FUNCTION "clear_organization_name_columns"();
