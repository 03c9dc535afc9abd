-- Issue 14: PostgreSQL is the source of truth for rule sets. A publication is an activation that every instance
-- follows; it now records who wrote, approved and published it, why, the scenarios it was gated with and the what-if it
-- was published with. Existing rows (activations of a rules folder) keep nulls there.
ALTER TABLE ruleset_activation
    ADD COLUMN author    TEXT,
    ADD COLUMN approver  TEXT,
    ADD COLUMN published_by TEXT,
    ADD COLUMN comment   TEXT,
    ADD COLUMN draft_id  BIGINT,
    ADD COLUMN scenarios JSONB,
    ADD COLUMN what_if   JSONB;

-- Drafts an editor works on before publishing: rule files and scenarios/<name>.yaml in one map. The revision grows
-- with every save (optimistic locking); an approval counts only for the revision it was given to.
CREATE TABLE ruleset_draft (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title             TEXT        NOT NULL,
    author            TEXT        NOT NULL,
    base_version      TEXT        REFERENCES ruleset (version),
    files             JSONB       NOT NULL,
    revision          INT         NOT NULL DEFAULT 1,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    saved_by          TEXT        NOT NULL,
    saved_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    approved_by       TEXT,
    approved_at       TIMESTAMPTZ,
    approved_revision INT,
    publication_id    BIGINT      REFERENCES ruleset_activation (id)
);
-- The rules folder's latest import is looked up by author.
CREATE INDEX ruleset_draft_author ON ruleset_draft (author, id);
CREATE UNIQUE INDEX ruleset_draft_publication ON ruleset_draft (publication_id);

-- Every saved revision of a draft, so a refused save can say which files changed since the revision it started from.
CREATE TABLE ruleset_draft_revision (
    draft_id BIGINT      NOT NULL REFERENCES ruleset_draft (id),
    revision INT         NOT NULL,
    files    JSONB       NOT NULL,
    saved_by TEXT        NOT NULL,
    saved_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (draft_id, revision)
);
CREATE TRIGGER ruleset_draft_revision_append_only BEFORE UPDATE OR DELETE ON ruleset_draft_revision
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

