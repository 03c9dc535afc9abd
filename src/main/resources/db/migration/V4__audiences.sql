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

-- Audience criteria on attributes are written as "attributes @> {name: value}" (name and value bound as one jsonb
-- parameter), which this index serves for any attribute, like customer_dimensions (V3) for dimensions.
CREATE INDEX IF NOT EXISTS customer_attributes ON customer USING GIN (attributes jsonb_path_ops)
    WITH (fastupdate = off);  -- as customer_dimensions (V3): no pending-list merges inside a customer's post

-- The amount of an event as a number (null when absent or not a number), computed by PostgreSQL on every insert or
-- correction, so that "spent ≥ 2000 in a year" is summed from an index alone. Adding it rewrites customer_event once
-- (about 50 s for 6.5 M events on the benchmark machine, with writes blocked meanwhile).
ALTER TABLE customer_event ADD COLUMN amount NUMERIC GENERATED ALWAYS AS (
    CASE WHEN jsonb_typeof(fields -> 'amount') = 'number' THEN (fields -> 'amount')::numeric END) STORED;

-- Event criteria ("≥ 3 VISIT in the last 90 days", "PURCHASE ever", "no PURCHASE in the last 7 days", "spent ≥ X")
-- read the events of one type: in customer id order this index gives them without touching the table, so they are
-- merged with the customers (primary key order) and counted or summed per customer as they stream, with no hashing
-- of a million ids; the same index serves per-customer look-ups (type, customer_id, at range).
-- Measured on 1,000,000 customers (docs/performance.md): an index on (type, at) INCLUDE (customer_id) with hash
-- joins was 2–4× slower for criteria over long windows, and a third index on (customer_id, type, at) gained nothing.
-- Built inside Flyway's transaction, this blocks writes to customer_event while it is built (~15 s for 6.5 M events
-- here); on a large live table create the indexes by hand first with CREATE INDEX CONCURRENTLY under the same names.
CREATE INDEX IF NOT EXISTS customer_event_audience ON customer_event (type, customer_id, at) INCLUDE (amount);
