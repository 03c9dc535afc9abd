package com.tierupgrade.integration.outbox;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.tierupgrade.db.Jdbc;
import com.tierupgrade.history.HistoryRecorded;
import com.tierupgrade.history.HistoryView;

/**
 * Appends one outbox row per history entry, in the transaction that appends the entries: a rolled-back decision is
 * never announced, and a committed one always is.
 */
@ApplicationScoped
class OutboxWriter {

    private final Jdbc jdbc;

    OutboxWriter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void onRecorded(@Observes HistoryRecorded recorded) {
        List<Object[]> rows = recorded.entries().stream().map(entry -> new Object[] { entry.id(),
                entry.customerId(), entry.dimension(), entry.kind().name(), entry.from(), entry.to(),
                jdbc.json(Announcement.of(entry, null)) }).toList();
        jdbc.batch("""
                INSERT INTO outbox (history_entry_id, customer_id, dimension, kind, from_value, to_value, payload)
                VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""", rows);
    }
}
