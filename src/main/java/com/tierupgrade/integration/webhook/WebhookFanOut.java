package com.tierupgrade.integration.webhook;

import jakarta.enterprise.context.ApplicationScoped;

import com.tierupgrade.db.Jdbc;
import com.tierupgrade.integration.outbox.AnnouncementSink;
import com.tierupgrade.integration.outbox.OutboxBatch;

/** One delivery per announcement and matching subscription, in announcement order. */
@ApplicationScoped
class WebhookFanOut implements AnnouncementSink {

    private final Jdbc jdbc;

    WebhookFanOut(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void accept(OutboxBatch batch) {
        jdbc.update("""
                INSERT INTO webhook_delivery (subscription_id, history_entry_id, customer_id)
                SELECT s.id, o.history_entry_id, o.customer_id
                FROM outbox o
                JOIN webhook_subscription s ON s.deleted_at IS NULL
                 AND (jsonb_array_length(s.dimensions) = 0 OR jsonb_exists(s.dimensions, o.dimension))
                 AND (jsonb_array_length(s.kinds) = 0 OR jsonb_exists(s.kinds, o.kind))
                 AND (jsonb_array_length(s."values") = 0 OR jsonb_exists(s."values", o.to_value)
                      OR jsonb_exists(s."values", o.from_value))
                WHERE o.history_entry_id = ANY(CAST(? AS bigint[]))
                ORDER BY o.history_entry_id, s.id
                ON CONFLICT (subscription_id, history_entry_id) DO NOTHING""", batch.sqlArray());
    }
}
