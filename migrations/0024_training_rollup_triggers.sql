-- Training rollups (src/db/schema/rollups.ts), kept exact in the transaction of every write, as
-- donation rollups are (0006_donation_rollup_triggers.sql): statement triggers on training_sessions
-- stage the statement's signed sums, at the finest grain, in training_rollup_deltas; the transaction
-- registers once in training_rollup_commits, and at its commit a deferred trigger folds its deltas
-- into every grain in key order, holding the change feed's commit lock (0004_change_commits.sql), so
-- a hot rollup row neither deadlocks writers nor loses an update. The grains are
-- src/modules/statistics/training-grains.ts's: 0 keeps only the provenance kind, 1 the format and
-- month, 2 the format and province, 3 the province and month.
CREATE FUNCTION "stage_training_rollup_deltas"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "training_rollup_deltas" ("transaction_id", "provenance_kind", "format", "province", "month",
      "session_count", "person_times")
    SELECT pg_current_xact_id()::text::bigint, t."provenance_kind", t."format", left(t."region_code", 2) || '0000',
      date_trunc('month', t."starts_on"::timestamp)::date, -count(*), -sum(t."participant_count")
    FROM "old_training_sessions" t
    GROUP BY 2, 3, 4, 5;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "training_rollup_deltas" ("transaction_id", "provenance_kind", "format", "province", "month",
      "session_count", "person_times")
    SELECT pg_current_xact_id()::text::bigint, t."provenance_kind", t."format", left(t."region_code", 2) || '0000',
      date_trunc('month', t."starts_on"::timestamp)::date, count(*), sum(t."participant_count")
    FROM "new_training_sessions" t
    GROUP BY 2, 3, 4, 5;
  END IF;
  INSERT INTO "training_rollup_commits" ("transaction_id") VALUES (pg_current_xact_id()::text::bigint) ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION "fold_training_rollup_deltas"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- the change feed's commit lock (0004_change_commits.sql): one folder at a time, after all other locks
  PERFORM pg_advisory_xact_lock(113723144136041);
  INSERT INTO "training_rollups" AS r ("grain", "provenance_kind", "format", "province", "month", "session_count",
    "person_times")
  SELECT g."grain", d."provenance_kind", CASE WHEN g."by_format" THEN d."format" END,
    CASE WHEN g."by_province" THEN d."province" END, CASE WHEN g."by_month" THEN d."month" END,
    sum(d."session_count"), sum(d."person_times")
  FROM "training_rollup_deltas" d
    CROSS JOIN (VALUES (0, false, false, false), (1, true, false, true), (2, true, true, false), (3, false, true, true))
      AS g ("grain", "by_format", "by_province", "by_month")
  WHERE d."transaction_id" = NEW."transaction_id"
  GROUP BY 1, 2, 3, 4, 5
  HAVING sum(d."session_count") <> 0 OR sum(d."person_times") <> 0
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT "training_rollups_key" DO UPDATE SET
    "session_count" = r."session_count" + excluded."session_count",
    "person_times" = r."person_times" + excluded."person_times";
  DELETE FROM "training_rollup_deltas" WHERE "transaction_id" = NEW."transaction_id";
  DELETE FROM "training_rollup_commits" WHERE "transaction_id" = NEW."transaction_id";
  RETURN NULL;
END;
$$;--> statement-breakpoint
-- TRUNCATE fires no row or statement DELETE triggers: empty the rollups with the table.
CREATE FUNCTION "empty_training_rollups"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "training_rollups";
  DELETE FROM "training_rollup_deltas";
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "training_sessions_stage_rollups_insert" AFTER INSERT ON "training_sessions"
  REFERENCING NEW TABLE AS "new_training_sessions" FOR EACH STATEMENT EXECUTE FUNCTION "stage_training_rollup_deltas"();--> statement-breakpoint
CREATE TRIGGER "training_sessions_stage_rollups_update" AFTER UPDATE ON "training_sessions"
  REFERENCING OLD TABLE AS "old_training_sessions" NEW TABLE AS "new_training_sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION "stage_training_rollup_deltas"();--> statement-breakpoint
CREATE TRIGGER "training_sessions_stage_rollups_delete" AFTER DELETE ON "training_sessions"
  REFERENCING OLD TABLE AS "old_training_sessions" FOR EACH STATEMENT EXECUTE FUNCTION "stage_training_rollup_deltas"();--> statement-breakpoint
CREATE TRIGGER "training_sessions_empty_rollups_truncate" AFTER TRUNCATE ON "training_sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION "empty_training_rollups"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "training_rollup_commits_fold_at_commit" AFTER INSERT ON "training_rollup_commits"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "fold_training_rollup_deltas"();--> statement-breakpoint
-- sessions stored before the rollups existed: staged as one insert of every row, folded when this migration commits
INSERT INTO "training_rollup_deltas" ("transaction_id", "provenance_kind", "format", "province", "month",
  "session_count", "person_times")
SELECT pg_current_xact_id()::text::bigint, t."provenance_kind", t."format", left(t."region_code", 2) || '0000',
  date_trunc('month', t."starts_on"::timestamp)::date, count(*), sum(t."participant_count")
FROM "training_sessions" t
GROUP BY 2, 3, 4, 5;--> statement-breakpoint
INSERT INTO "training_rollup_commits" ("transaction_id") VALUES (pg_current_xact_id()::text::bigint) ON CONFLICT DO NOTHING;
