-- The tables of rule publishing (issue 14: drafts, rule usage) and of shared jobs (issue 15: jobs, batches,
-- instances) hold current state that the service changes in place: give the service's role UPDATE there (and DELETE
-- of instances that left). Numbered after V16_3 so that it runs after those tables exist, on a new database (V14/V15
-- sort first) and on one that already had V16_3 (Flyway applies V14/V15 out of order, then this). The draft
-- revisions stay append-only, like the history. A later migration that adds a table the service updates replaces this function the
-- same way, with its table added.
CREATE OR REPLACE FUNCTION grant_service_role(service TEXT) RETURNS void LANGUAGE plpgsql AS $$
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
                   ' webhook_subscription, webhook_delivery, ruleset_draft, rule_usage, job, job_batch,'
                   ' service_instance TO %I', service);
    -- Announcements leave the Kafka queue once the broker acknowledged them; instances that stopped leave the list.
    EXECUTE format('GRANT DELETE ON kafka_publication, service_instance TO %I', service);
    -- Tables and sequences the owner creates later: read and append, until their migration grants more.
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA tierup GRANT SELECT, INSERT ON TABLES TO %I', service);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA tierup GRANT USAGE, SELECT ON SEQUENCES TO %I', service);
END
$$;

SELECT grant_service_role('${service_role}');
