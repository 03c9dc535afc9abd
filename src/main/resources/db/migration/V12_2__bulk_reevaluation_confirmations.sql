-- Issue 12 item 3: a rule-set change that would downgrade more than a configured share of a value's holders waits
-- for a person before stored customers are re-evaluated in bulk. Each request is kept with its what-if counts and
-- how it ended (confirmed by whom, dismissed, or superseded by a later rule set).
CREATE TABLE bulk_confirmation (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ruleset_version  TEXT        NOT NULL,
    previous_version TEXT        NOT NULL,
    requested_at     TIMESTAMPTZ NOT NULL,
    what_if          JSONB       NOT NULL,
    state            TEXT        NOT NULL,
    decided_by       TEXT,
    decided_at       TIMESTAMPTZ,
    reason           TEXT
);
-- The one pending request is looked up before every scheduled re-evaluation.
CREATE INDEX bulk_confirmation_pending ON bulk_confirmation (id) WHERE state = 'PENDING';
