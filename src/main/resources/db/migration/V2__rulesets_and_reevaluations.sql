-- Every rule set that was ever active: the exact files, so an auditor can read the rules behind any decision.
CREATE TABLE ruleset (
    version    TEXT PRIMARY KEY,
    files      JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Each time a rule set became the active one, and what made it so. A version may be activated again (a revert).
CREATE TABLE ruleset_activation (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version      TEXT        NOT NULL REFERENCES ruleset (version),
    activated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    trigger      TEXT        NOT NULL
);
CREATE INDEX ruleset_activation_version ON ruleset_activation (version, id);

CREATE TRIGGER ruleset_append_only BEFORE UPDATE OR DELETE ON ruleset
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ruleset_activation_append_only BEFORE UPDATE OR DELETE ON ruleset_activation
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
