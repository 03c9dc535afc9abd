package com.tierupgrade.integration.outbox;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.tierupgrade.db.Jdbc;
import com.tierupgrade.history.HistoryRecorded;
import com.tierupgrade.history.HistoryView;
import com.tierupgrade.rules.engine.Ladders;

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
                jdbc.json(Announcement.of(entry, actionOf(entry, recorded.ladders()))) }).toList();
        jdbc.batch("""
                INSERT INTO outbox (history_entry_id, customer_id, dimension, kind, from_value, to_value, payload)
                VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""", rows);
    }

    /**
     * The operating move ladders.yaml gives what the customer entered (the new value, or the role gained), or the
     * warning raised; null for a hold, a loss, or a value without one.
     */
    static String actionOf(HistoryView entry, Ladders ladders) {
        return ladders.of(entry.dimension()).flatMap(ladder -> switch (entry.kind()) {
            case WARNING -> ladder.warningAction(entry.warning());
            case HELD_BACK, LOST -> java.util.Optional.<String>empty();
            default -> entry.to() == null ? java.util.Optional.<String>empty() : ladder.action(entry.to());
        }).orElse(null);
    }
}
