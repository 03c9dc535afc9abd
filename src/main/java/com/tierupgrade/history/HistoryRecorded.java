package com.tierupgrade.history;

import java.util.List;

import com.tierupgrade.rules.engine.Ladders;

/**
 * Fired synchronously by {@link History#record} once it appended entries, inside the same transaction: an observer
 * that writes (the integration outbox) commits or rolls back with the entries.
 */
public record HistoryRecorded(String customerId, List<HistoryView> entries, Ladders ladders) {
}
