-- Issue 12: what the tier policy remembers (grace periods, steps) and the manual decisions in force are part of the
-- stored decision, so any instance continues from the same point.
ALTER TABLE customer ADD COLUMN dimension_values JSONB NOT NULL DEFAULT '{}';
ALTER TABLE customer ADD COLUMN manual_decisions JSONB NOT NULL DEFAULT '[]';

-- A manual decision's entry (OVERRIDE, HOLD, RELEASE) names who made it and until when it applies.
ALTER TABLE history_entry ADD COLUMN author TEXT;
ALTER TABLE history_entry ADD COLUMN manual TEXT;
ALTER TABLE history_entry ADD COLUMN expires_at TIMESTAMPTZ;
-- GET /history?author=… (per person) and ?kind=MANUAL (every manual entry) walk only the few manual entries.
CREATE INDEX history_entry_author ON history_entry (author, id) WHERE author IS NOT NULL;
CREATE INDEX history_entry_manual ON history_entry (id) WHERE kind IN ('OVERRIDE', 'HOLD', 'RELEASE');
-- ?reason=… finds the manual entries that give this reason.
CREATE INDEX history_entry_manual_reasons ON history_entry USING GIN (reasons jsonb_path_ops)
    WHERE kind IN ('OVERRIDE', 'HOLD', 'RELEASE');
