-- Issue 16 item 5: tamper-evident history (docs/history.md#tamper-evidence).
-- The append-only triggers stop UPDATE and DELETE, but the owner can TRUNCATE, DISABLE TRIGGER or run with
-- session_replication_role = replica. Every row of the history tables therefore carries prev_hash (the hash of the
-- previous row of its chain) and hash = sha256(prev_hash || canonical text of the row); GET /history/verify
-- recomputes them and names the first row that does not match.
--   per customer (ordered by id): evaluation, history_entry, attribute_change, customer_event_log
--   per table: ruleset (ordered by seq), ruleset_activation (ordered by id)
-- sha256() is built into PostgreSQL (11+), so no extension is needed.

-- The canonical text of a row: its columns as one JSON object (jsonb orders keys itself), without the two hash
-- columns and without columns that are null, so that a later migration may add a nullable column without breaking
-- the chains of the rows before it (a column with a non-null value on old rows must rebuild the chains). Times are
-- written in UTC whatever the session's time zone.
CREATE FUNCTION chain_json_text(j jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb)::text
    FROM jsonb_each(j)
    WHERE key NOT IN ('prev_hash', 'hash') AND value <> 'null'::jsonb
$$;

CREATE FUNCTION chain_text(r anyelement) RETURNS text LANGUAGE sql STABLE SET TimeZone = 'UTC' AS $$
    SELECT chain_json_text(to_jsonb(r))
$$;

CREATE FUNCTION chain_hash(prev bytea, r anyelement) RETURNS bytea LANGUAGE sql STABLE AS $$
    SELECT sha256(coalesce(prev, '\x'::bytea) || convert_to(chain_text(r), 'UTF8'))
$$;

-- Links each inserted row to its chain. Arguments: the column that partitions the chain ('' for one chain per
-- table), the column that orders it, and for a per-table chain the sequence that numbers it. A per-customer chain
-- relies on the service holding the customer's row lock (every write of a customer's rows does); a per-table chain
-- takes a transaction lock of its own and numbers the row only once it holds it, so order = chain order.
CREATE FUNCTION chain_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    part TEXT := TG_ARGV[0];
    ord  TEXT := TG_ARGV[1];
    prev BYTEA;
BEGIN
    IF part = '' THEN
        PERFORM pg_advisory_xact_lock(hashtextextended(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, 0));
        NEW := jsonb_populate_record(NEW, jsonb_build_object(ord, nextval(TG_ARGV[2]::regclass)));
        EXECUTE format('SELECT hash FROM %I.%I ORDER BY %I DESC LIMIT 1', TG_TABLE_SCHEMA, TG_TABLE_NAME, ord)
            INTO prev;
    ELSE
        EXECUTE format('SELECT hash FROM %I.%I WHERE %I = $1 ORDER BY %I DESC LIMIT 1',
                       TG_TABLE_SCHEMA, TG_TABLE_NAME, part, ord)
            INTO prev USING to_jsonb(NEW) ->> part;
    END IF;
    NEW.prev_hash := prev;
    NEW.hash := chain_hash(prev, NEW);
    RETURN NEW;
END
$$;

-- Every version of every stored event, in the order received: a correction (the same event id again, POST /facts)
-- appends its new content here in the same statement that replaces the row of customer_event. verify checks this
-- chain and that each row of customer_event is the latest version logged for its id, so an UPDATE, INSERT or DELETE
-- on customer_event from outside the service is named.
CREATE TABLE customer_event_log (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id TEXT        NOT NULL REFERENCES customer (id),
    event_id    TEXT        NOT NULL,
    type        TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    fields      JSONB       NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    prev_hash   BYTEA,
    hash        BYTEA
);
CREATE INDEX customer_event_log_customer ON customer_event_log (customer_id, id);
CREATE TRIGGER customer_event_log_append_only BEFORE UPDATE OR DELETE ON customer_event_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

ALTER TABLE evaluation ADD COLUMN prev_hash BYTEA, ADD COLUMN hash BYTEA;
ALTER TABLE history_entry ADD COLUMN prev_hash BYTEA, ADD COLUMN hash BYTEA;
ALTER TABLE attribute_change ADD COLUMN prev_hash BYTEA, ADD COLUMN hash BYTEA;
ALTER TABLE ruleset_activation ADD COLUMN prev_hash BYTEA, ADD COLUMN hash BYTEA;
-- ruleset is keyed by its version: seq gives its chain an order.
CREATE SEQUENCE ruleset_seq;
ALTER TABLE ruleset ADD COLUMN seq BIGINT, ADD COLUMN prev_hash BYTEA, ADD COLUMN hash BYTEA;
CREATE UNIQUE INDEX ruleset_chain ON ruleset (seq);

-- Rows stored before this migration get their chains here (the one place the append-only triggers are lifted,
-- as in V5), in chain order.
CREATE FUNCTION chain_backfill(tbl TEXT, part TEXT, ord TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    r    RECORD;
    prev BYTEA;
    last TEXT;
    h    BYTEA;
BEGIN
    PERFORM set_config('TimeZone', 'UTC', true);
    FOR r IN EXECUTE format('SELECT to_jsonb(t) AS j, %s AS p, t.%I AS o FROM %I t ORDER BY 2, 3',
                            CASE WHEN part = '' THEN '''''' ELSE 't.' || quote_ident(part) END, ord, tbl) LOOP
        IF last IS DISTINCT FROM r.p THEN
            prev := NULL;
            last := r.p;
        END IF;
        h := sha256(coalesce(prev, '\x'::bytea) || convert_to(chain_json_text(r.j), 'UTF8'));
        EXECUTE format('UPDATE %I SET prev_hash = $1, hash = $2 WHERE %I = $3', tbl, ord) USING prev, h, r.o;
        prev := h;
    END LOOP;
END
$$;

ALTER TABLE ruleset DISABLE TRIGGER ruleset_append_only;
UPDATE ruleset r SET seq = n.seq
FROM (SELECT version, nextval('ruleset_seq') AS seq FROM (SELECT version FROM ruleset ORDER BY created_at, version) o) n
WHERE n.version = r.version;
SELECT chain_backfill('ruleset', '', 'seq');
ALTER TABLE ruleset ENABLE TRIGGER ruleset_append_only;
ALTER TABLE ruleset ALTER COLUMN seq SET NOT NULL;

ALTER TABLE ruleset_activation DISABLE TRIGGER ruleset_activation_append_only;
SELECT chain_backfill('ruleset_activation', '', 'id');
ALTER TABLE ruleset_activation ENABLE TRIGGER ruleset_activation_append_only;

ALTER TABLE evaluation DISABLE TRIGGER evaluation_append_only;
SELECT chain_backfill('evaluation', 'customer_id', 'id');
ALTER TABLE evaluation ENABLE TRIGGER evaluation_append_only;

ALTER TABLE history_entry DISABLE TRIGGER history_entry_append_only;
SELECT chain_backfill('history_entry', 'customer_id', 'id');
ALTER TABLE history_entry ENABLE TRIGGER history_entry_append_only;

ALTER TABLE attribute_change DISABLE TRIGGER attribute_change_append_only;
SELECT chain_backfill('attribute_change', 'customer_id', 'id');
ALTER TABLE attribute_change ENABLE TRIGGER attribute_change_append_only;

DROP FUNCTION chain_backfill(TEXT, TEXT, TEXT);

CREATE TRIGGER ruleset_chain BEFORE INSERT ON ruleset
    FOR EACH ROW EXECUTE FUNCTION chain_link('', 'seq', 'ruleset_seq');
CREATE TRIGGER ruleset_activation_chain BEFORE INSERT ON ruleset_activation
    FOR EACH ROW EXECUTE FUNCTION chain_link('', 'id', 'ruleset_activation_id_seq');
CREATE TRIGGER evaluation_chain BEFORE INSERT ON evaluation
    FOR EACH ROW EXECUTE FUNCTION chain_link('customer_id', 'id');
CREATE TRIGGER history_entry_chain BEFORE INSERT ON history_entry
    FOR EACH ROW EXECUTE FUNCTION chain_link('customer_id', 'id');
CREATE TRIGGER attribute_change_chain BEFORE INSERT ON attribute_change
    FOR EACH ROW EXECUTE FUNCTION chain_link('customer_id', 'id');
CREATE TRIGGER customer_event_log_chain BEFORE INSERT ON customer_event_log
    FOR EACH ROW EXECUTE FUNCTION chain_link('customer_id', 'id');

-- The events stored so far are their own first version.
INSERT INTO customer_event_log (customer_id, event_id, type, at, fields, received_at)
SELECT customer_id, event_id, type, at, fields, received_at FROM customer_event
ORDER BY customer_id, received_at, event_id;
