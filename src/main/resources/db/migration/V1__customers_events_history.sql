-- Current state of each customer: the latest attributes and the latest decision.
CREATE TABLE customer (
    id              TEXT PRIMARY KEY,
    attributes      JSONB       NOT NULL DEFAULT '{}',
    stage           TEXT,
    stage_reasons   JSONB       NOT NULL DEFAULT '[]',
    tier            TEXT,
    tier_reasons    JSONB       NOT NULL DEFAULT '[]',
    held_back       JSONB       NOT NULL DEFAULT '[]',
    fired_rules     JSONB       NOT NULL DEFAULT '[]',
    ruleset_version TEXT,
    as_of           TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every event ever received; a resent event id replaces its row (a correction), so it is never counted twice.
CREATE TABLE customer_event (
    customer_id TEXT        NOT NULL REFERENCES customer (id),
    event_id    TEXT        NOT NULL,
    type        TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    fields      JSONB       NOT NULL DEFAULT '{}',
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, event_id)
);

-- One row per evaluation that changed something: what the decision was made on. Append-only.
CREATE TABLE evaluation (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id     TEXT        NOT NULL REFERENCES customer (id),
    as_of           TIMESTAMPTZ NOT NULL,
    cause           TEXT        NOT NULL,
    ruleset_version TEXT        NOT NULL,
    fired_rules     JSONB       NOT NULL,
    facts           JSONB       NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Each change of a dimension, and each held-back upgrade. Append-only.
CREATE TABLE history_entry (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    evaluation_id BIGINT NOT NULL REFERENCES evaluation (id),
    customer_id   TEXT   NOT NULL REFERENCES customer (id),
    dimension     TEXT   NOT NULL,
    kind          TEXT   NOT NULL,
    from_value    TEXT,
    to_value      TEXT,
    reasons       JSONB  NOT NULL,
    rule          TEXT
);

-- GET /customers/{id}/history reads one customer's entries oldest first, page by page.
CREATE INDEX history_entry_customer ON history_entry (customer_id, id);
CREATE INDEX evaluation_customer ON evaluation (customer_id, id);

-- The audit trail cannot be changed, whatever code or person tries.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER evaluation_append_only BEFORE UPDATE OR DELETE ON evaluation
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER history_entry_append_only BEFORE UPDATE OR DELETE ON history_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
