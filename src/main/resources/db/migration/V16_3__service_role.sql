-- Issue 16 item 5: the service connects as a role that owns nothing (docs/operations.md#database-users). The
-- migrations run as the owner of the schema (quarkus.flyway.username); the owner grants the service role
-- (quarkus.datasource.username, the placeholder service_role) only what the service does: the history tables are
-- INSERT and SELECT, the state tables also UPDATE, and one queue DELETE. Not being the owner, the service role
-- cannot TRUNCATE, ALTER TABLE … DISABLE TRIGGER or drop anything, and a non-superuser cannot set
-- session_replication_role. When both users are the same (one user for everything, as in a local try-out with
-- postgres/postgres), or the role does not exist, nothing is granted.
--
-- The one list of the service's privileges: a migration that adds a table the service writes replaces this
-- function with the table added and calls it again, as below.
CREATE FUNCTION grant_service_role(service TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF service IS NULL OR service = '' OR service = current_user
            OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = service) THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA tierup TO %I', service);
    -- Reading everything and appending: every table.
    EXECUTE format('GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA tierup TO %I', service);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA tierup TO %I', service);
    -- Current state, changed in place (and locked with SELECT … FOR UPDATE, which needs UPDATE).
    EXECUTE format('GRANT UPDATE ON customer, customer_event, app_user, bulk_confirmation, outbox,'
                   ' webhook_subscription, webhook_delivery TO %I', service);
    -- Announcements leave the Kafka queue once the broker acknowledged them.
    EXECUTE format('GRANT DELETE ON kafka_publication TO %I', service);
    -- Tables and sequences the owner creates later: read and append, until their migration grants more.
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA tierup GRANT SELECT, INSERT ON TABLES TO %I', service);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA tierup GRANT USAGE, SELECT ON SEQUENCES TO %I', service);
    -- The history tables (evaluation, history_entry, attribute_change, customer_event_log, ruleset,
    -- ruleset_activation, population_cut_off, audience) stay INSERT and SELECT: no UPDATE, DELETE or TRUNCATE.
END
$$;

SELECT grant_service_role('${service_role}');
