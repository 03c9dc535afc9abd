package com.tierupgrade.integration.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import com.tierupgrade.integration.outbox.OutboxBatch;

/**
 * Publishes the queued announcements to the announcements topic, keyed by customer id, oldest first, and removes them
 * from the queue once the broker acknowledged them. One instance at a time (an advisory lock), so each customer's
 * announcements reach the topic in order; a crash before the commit publishes them again (at least once).
 */
@ApplicationScoped
class AnnouncementPublisher {

    private static final long PUBLISH_LOCK = 13_0002L;
    private static final long ACK_SECONDS = 30;

    private final EntityManager entityManager;
    private final KafkaConfig config;

    AnnouncementPublisher(EntityManager entityManager, KafkaConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Transactional
    int publish(KafkaProducer<String, String> producer, int size) {
        boolean ours = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, PUBLISH_LOCK).getSingleResult();
        if (!ours) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT k.history_entry_id, o.customer_id, CAST(o.payload AS text)
                FROM kafka_publication k JOIN outbox o ON o.history_entry_id = k.history_entry_id
                ORDER BY k.history_entry_id LIMIT ?1""").setParameter(1, size).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            ProducerRecord<String, String> record = new ProducerRecord<>(config.announcementsTopic(), (String) row[1],
                    (String) row[2]);
            record.headers().add("tierup-announcement-id", String.valueOf(id).getBytes(StandardCharsets.UTF_8));
            sent.add(producer.send(record));
            ids.add(id);
        }
        producer.flush();
        for (Future<RecordMetadata> acknowledgement : sent) {
            try {
                acknowledgement.get(ACK_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge an announcement", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            }
        }
        entityManager.createNativeQuery(
                "DELETE FROM kafka_publication WHERE history_entry_id = ANY(CAST(?1 AS bigint[]))")
                .setParameter(1, new OutboxBatch(ids).sqlArray()).executeUpdate();
        return rows.size();
    }
}
