package com.tierupgrade.integration.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import com.tierupgrade.db.Jdbc;
import com.tierupgrade.integration.outbox.Locks;
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

    /** One queued announcement: its id, its key (the customer id) and its JSON. */
    private record Queued(long id, String customerId, String payload) {
    }

    private final Jdbc jdbc;
    private final KafkaConfig config;

    AnnouncementPublisher(Jdbc jdbc, KafkaConfig config) {
        this.jdbc = jdbc;
        this.config = config;
    }

    @Transactional
    int publish(KafkaProducer<String, String> producer, int size) {
        if (!Locks.tryTransactionLock(jdbc, PUBLISH_LOCK)) {
            return 0;
        }
        List<Queued> rows = jdbc.list("""
                SELECT k.history_entry_id, o.customer_id, CAST(o.payload AS text)
                FROM kafka_publication k JOIN outbox o ON o.history_entry_id = k.history_entry_id
                ORDER BY k.history_entry_id LIMIT ?""",
                row -> new Queued(row.getLong(1), row.getString(2), row.getString(3)), size);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (Queued row : rows) {
            ProducerRecord<String, String> record = new ProducerRecord<>(config.announcementsTopic(), row.customerId(),
                    row.payload());
            record.headers().add("tierup-announcement-id", String.valueOf(row.id()).getBytes(StandardCharsets.UTF_8));
            sent.add(producer.send(record));
            ids.add(row.id());
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
        jdbc.update("DELETE FROM kafka_publication WHERE history_entry_id = ANY(CAST(? AS bigint[]))",
                new OutboxBatch(ids).sqlArray());
        return rows.size();
    }
}
