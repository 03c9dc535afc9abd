package com.tierupgrade.integration.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.tierupgrade.integration.outbox.AnnouncementSink;
import com.tierupgrade.integration.outbox.OutboxBatch;

/** Queues dispatched announcements for Kafka, only while Kafka is configured to publish them. */
@ApplicationScoped
class KafkaQueue implements AnnouncementSink {

    private final EntityManager entityManager;
    private final boolean publishing;

    KafkaQueue(EntityManager entityManager, KafkaConfig config) {
        this.entityManager = entityManager;
        this.publishing = config.configured() && config.publishAnnouncements();
    }

    @Override
    public void accept(OutboxBatch batch) {
        if (publishing) {
            entityManager.createNativeQuery("""
                    INSERT INTO kafka_publication (history_entry_id)
                    SELECT unnest(CAST(?1 AS bigint[])) ON CONFLICT DO NOTHING""")
                    .setParameter(1, batch.sqlArray()).executeUpdate();
        }
    }
}
