package com.tierupgrade.integration.kafka;

import jakarta.enterprise.context.ApplicationScoped;

import com.tierupgrade.db.Jdbc;
import com.tierupgrade.integration.outbox.AnnouncementSink;
import com.tierupgrade.integration.outbox.OutboxBatch;

/** Queues dispatched announcements for Kafka, only while Kafka is configured to publish them. */
@ApplicationScoped
class KafkaQueue implements AnnouncementSink {

    private final Jdbc jdbc;
    private final boolean publishing;

    KafkaQueue(Jdbc jdbc, KafkaConfig config) {
        this.jdbc = jdbc;
        this.publishing = config.configured() && config.publishAnnouncements();
    }

    @Override
    public void accept(OutboxBatch batch) {
        if (publishing) {
            jdbc.update("""
                    INSERT INTO kafka_publication (history_entry_id)
                    SELECT unnest(CAST(? AS bigint[])) ON CONFLICT DO NOTHING""", batch.sqlArray());
        }
    }
}
