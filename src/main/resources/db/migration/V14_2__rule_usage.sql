-- Which rules work (issue 14, item 6): per day, rule-set version and rule, how many evaluations the rule fired in and
-- how many it held back an upgrade in. Added to in the transaction of every evaluation that stores a decision (posted
-- facts, manual decisions, re-evaluations), one batch per transaction. A transaction adds to the slot of its customer
-- (re-evaluation batches to a slot of their own), so concurrent posts rarely wait for each other's counter row;
-- reads sum the slots.
CREATE TABLE rule_usage (
    day             date     NOT NULL,
    ruleset_version text     NOT NULL,
    rule_name       text     NOT NULL,
    slot            smallint NOT NULL,
    fired           bigint   NOT NULL DEFAULT 0,
    held_back       bigint   NOT NULL DEFAULT 0,
    PRIMARY KEY (day, ruleset_version, rule_name, slot)
);
