-- The change feed's commit order (src/db/schema/history.ts, change_commits).
-- A transaction that writes history is registered once, by a statement trigger on record_changes;
-- at its commit a deferred trigger takes a transaction-scoped advisory lock and numbers it. The
-- lock is released only after the commit is visible, so the next transaction to be numbered is
-- numbered after it: sequence order is commit order, and no reader sees a sequence number while a
-- smaller one can still commit.
CREATE SEQUENCE "change_commits_sequence_seq" AS bigint;--> statement-breakpoint
CREATE FUNCTION "register_change_commit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "change_commits" ("transaction_id") VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION "number_change_commit"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- one key for every writer: 0x676f6e677969 is "gongyi"
  PERFORM pg_advisory_xact_lock(113723144136041);
  UPDATE "change_commits"
    SET "sequence" = nextval('change_commits_sequence_seq'), "committed_at" = clock_timestamp()
    WHERE "transaction_id" = NEW."transaction_id";
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "record_changes_register_commit" AFTER INSERT ON "record_changes"
  FOR EACH STATEMENT EXECUTE FUNCTION "register_change_commit"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "change_commits_number_at_commit" AFTER INSERT ON "change_commits"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "number_change_commit"();--> statement-breakpoint
-- history written before the feed existed, first in the feed: numbered when this migration commits
INSERT INTO "change_commits" ("transaction_id") SELECT DISTINCT "transaction_id" FROM "record_changes" ON CONFLICT DO NOTHING;
