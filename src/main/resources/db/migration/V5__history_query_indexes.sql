-- GET /history: entries across customers, filtered, oldest first, page by page (keyset on history_entry.id).
-- Only selective filters get an index; for the others (dimension, kind, cause) a scan in id order with the filter
-- fills a page after a few rows. Each btree ends with id, so its rows come out in page order and LIMIT stops early.
-- Measured in docs/performance.md ("History queries on N million entries").

-- to=DISTRIBUTOR (with kind=UPGRADE, or alone): "who became a distributor".
CREATE INDEX history_entry_to ON history_entry (to_value, id);
-- from=DISTRIBUTOR: "who stopped being a distributor". INITIAL entries have no from value.
CREATE INDEX history_entry_from ON history_entry (from_value, id) WHERE from_value IS NOT NULL;
-- Filters on the evaluation (rule, version, time) find evaluations first and their entries through this key.
CREATE INDEX history_entry_evaluation ON history_entry (evaluation_id);

-- rule=<name>: evaluations whose fired rules contain it (fired_rules @> '["name"]').
CREATE INDEX evaluation_fired_rules ON evaluation USING GIN (fired_rules jsonb_path_ops);
-- rulesetVersion=<version>.
CREATE INDEX evaluation_ruleset_version ON evaluation (ruleset_version, id);
-- since= / until=: the evaluation time.
CREATE INDEX evaluation_as_of ON evaluation (as_of);
