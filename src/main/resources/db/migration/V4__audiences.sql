-- Audiences that marketers saved: a name and the criteria exactly as sent. Never changed (an export must be
-- explainable later), so append-only like the audit tables; a changed audience is saved as a new one.
CREATE TABLE audience (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       TEXT        NOT NULL,
    criteria   JSONB       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TRIGGER audience_append_only BEFORE UPDATE OR DELETE ON audience
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
