-- Issue 13: announcements of history entries to the systems that act on them.

-- One row per history entry, written in the same transaction as the entry: what is here was committed, and every
-- committed entry is here. dispatched_at is set once the row was fanned out to the webhook deliveries (and published
-- to Kafka when configured); rows are kept afterwards for replays.
CREATE TABLE outbox (
    history_entry_id BIGINT PRIMARY KEY REFERENCES history_entry (id),
    customer_id      TEXT        NOT NULL,
    dimension        TEXT        NOT NULL,
    kind             TEXT        NOT NULL,
    from_value       TEXT,
    to_value         TEXT,
    payload          JSONB       NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    dispatched_at    TIMESTAMPTZ
);
-- The dispatcher reads the rows not yet dispatched, oldest first.
CREATE INDEX outbox_undispatched ON outbox (history_entry_id) WHERE dispatched_at IS NULL;

-- Webhook subscriptions an operator registers. Empty filter lists match everything.
CREATE TABLE webhook_subscription (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url         TEXT        NOT NULL,
    secret      TEXT        NOT NULL,
    description TEXT,
    dimensions  JSONB       NOT NULL DEFAULT '[]',
    kinds       JSONB       NOT NULL DEFAULT '[]',
    "values"    JSONB       NOT NULL DEFAULT '[]',
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    deleted_at  TIMESTAMPTZ
);

-- One announcement to one subscription: PENDING (waiting or between retries), SENDING (claimed by a worker until
-- claimed_until), DELIVERED, DEAD (tries exhausted; replayable by hand).
CREATE TABLE webhook_delivery (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id  BIGINT      NOT NULL REFERENCES webhook_subscription (id),
    history_entry_id BIGINT      NOT NULL REFERENCES outbox (history_entry_id),
    customer_id      TEXT        NOT NULL,
    status           TEXT        NOT NULL DEFAULT 'PENDING',
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    claimed_until    TIMESTAMPTZ,
    last_error       TEXT,
    last_attempt_at  TIMESTAMPTZ,
    delivered_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (subscription_id, history_entry_id)
);
-- Workers claim due deliveries in id order ...
CREATE INDEX webhook_delivery_open ON webhook_delivery (next_attempt_at, id) WHERE status IN ('PENDING', 'SENDING');
-- ... and skip one while an earlier one of the same subscription and customer is still open (order per customer).
CREATE INDEX webhook_delivery_open_per_customer ON webhook_delivery (subscription_id, customer_id, id)
    WHERE status IN ('PENDING', 'SENDING');
-- Status pages: one subscription's deliveries by status, newest first.
CREATE INDEX webhook_delivery_subscription ON webhook_delivery (subscription_id, status, id);
-- The latest error of a subscription.
CREATE INDEX webhook_delivery_last_error ON webhook_delivery (subscription_id, last_attempt_at)
    WHERE last_error IS NOT NULL;

-- Announcements waiting to be published to Kafka (rows are made by the dispatcher only while Kafka is configured,
-- and deleted once the broker acknowledged them), so a Kafka outage never holds up the webhooks.
CREATE TABLE kafka_publication (
    history_entry_id BIGINT PRIMARY KEY REFERENCES outbox (history_entry_id)
);
