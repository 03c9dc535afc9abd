package com.tierupgrade.integration.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tierupgrade.history.HistoryRecorded;
import com.tierupgrade.history.HistoryView;

/**
 * Appends one outbox row per history entry, in the transaction that appends the entries: a rolled-back decision is
 * never announced, and a committed one always is.
 */
@ApplicationScoped
class OutboxWriter {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    OutboxWriter(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    void onRecorded(@Observes HistoryRecorded recorded) {
        Instant now = Instant.now();
        for (HistoryView entry : recorded.entries()) {
            OutboxMessage message = new OutboxMessage();
            message.historyEntryId = entry.id();
            message.customerId = entry.customerId();
            message.dimension = entry.dimension();
            message.kind = entry.kind().name();
            message.fromValue = entry.from();
            message.toValue = entry.to();
            message.payload = toJson(Announcement.of(entry, null));
            message.createdAt = now;
            entityManager.persist(message);
        }
    }

    private String toJson(Announcement announcement) {
        try {
            return json.writeValueAsString(announcement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an announcement could not be written as JSON", e);
        }
    }
}
