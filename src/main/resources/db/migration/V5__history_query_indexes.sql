-- GET /history: entries across customers, filtered, oldest first, page by page (keyset on history_entry.id).
-- Only selective filters get an index; for the others (dimension, kind, cause) a scan in id order with the filter
-- fills a page after a few rows. Each btree ends with id, so its rows come out in page order and LIMIT stops early.
-- Measured in docs/performance.md ("History queries on N million entries").

-- to=DISTRIBUTOR (with kind=UPGRADE, or alone): "who became a distributor".
CREATE INDEX history_entry_to ON history_entry (to_value, id);
-- from=DISTRIBUTOR: "who stopped being a distributor". INITIAL entries have no from value.
CREATE INDEX history_entry_from ON history_entry (from_value, id) WHERE from_value IS NOT NULL;
-- The rule filter finds evaluations first and their entries through this key.
CREATE INDEX history_entry_evaluation ON history_entry (evaluation_id);

-- rule=<name>: evaluations whose fired rules contain it (fired_rules @> '["name"]').
-- fastupdate off, as the GIN indexes on customer (V3, V4): no pending-list merge inside a customer's post.
CREATE INDEX evaluation_fired_rules ON evaluation USING GIN (fired_rules jsonb_path_ops) WITH (fastupdate = off);

-- Time, rule-set version and cause are filtered on the entry itself: with them only on the evaluation, PostgreSQL
-- walked the entries in id order checking each one's evaluation (1–4 s on 5 million entries for "last month").
-- Each entry copies them from its evaluation when it is written. Rows stored before this migration are filled in
-- here: the only place the append-only trigger is lifted, for this one statement.
ALTER TABLE history_entry ADD COLUMN as_of TIMESTAMPTZ;
ALTER TABLE history_entry ADD COLUMN cause TEXT;
ALTER TABLE history_entry ADD COLUMN ruleset_version TEXT;
ALTER TABLE history_entry DISABLE TRIGGER history_entry_append_only;
UPDATE history_entry h SET as_of = e.as_of, cause = e.cause, ruleset_version = e.ruleset_version
FROM evaluation e WHERE e.id = h.evaluation_id;
ALTER TABLE history_entry ENABLE TRIGGER history_entry_append_only;
ALTER TABLE history_entry ALTER COLUMN as_of SET NOT NULL;
ALTER TABLE history_entry ALTER COLUMN cause SET NOT NULL;
ALTER TABLE history_entry ALTER COLUMN ruleset_version SET NOT NULL;

-- since= / until=: the evaluation time.
CREATE INDEX history_entry_as_of ON history_entry (as_of);
-- rulesetVersion=<version>, with or without cause=.
CREATE INDEX history_entry_ruleset_version ON history_entry (ruleset_version, cause, id);
-- cause= alone: TIME and RULESET_CHANGE entries come in waves; NEW_FACTS is most entries.
CREATE INDEX history_entry_cause ON history_entry (cause, id);
