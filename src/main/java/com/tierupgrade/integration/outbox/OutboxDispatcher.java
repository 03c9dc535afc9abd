package com.tierupgrade.integration.outbox;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import com.tierupgrade.db.Jdbc;

/**
 * Hands committed outbox rows to every {@link AnnouncementSink}, oldest first, and marks them dispatched, all in one
 * transaction: a crash before the commit dispatches the same rows again (sinks ignore a row they already have).
 * Instances of the service take turns through an advisory lock, so sinks receive each customer's rows in order.
 */
@ApplicationScoped
public class OutboxDispatcher {

    /** Any fixed number; the PostgreSQL advisory lock the dispatchers of all instances share. */
    private static final long DISPATCH_LOCK = 13_0001L;

    private final Jdbc jdbc;
    private final Instance<AnnouncementSink> sinks;

    OutboxDispatcher(Jdbc jdbc, @Any Instance<AnnouncementSink> sinks) {
        this.jdbc = jdbc;
        this.sinks = sinks;
    }

    /** Dispatches up to {@code size} rows; answers how many (0 when none waited or another instance dispatches). */
    @Transactional
    public int dispatch(int size) {
        if (!Locks.tryTransactionLock(jdbc, DISPATCH_LOCK)) {
            return 0;
        }
        List<Long> ids = jdbc.list("""
                SELECT history_entry_id FROM outbox WHERE dispatched_at IS NULL
                ORDER BY history_entry_id LIMIT ? FOR UPDATE SKIP LOCKED""", row -> row.getLong(1), size);
        if (ids.isEmpty()) {
            return 0;
        }
        OutboxBatch batch = new OutboxBatch(ids);
        for (AnnouncementSink sink : sinks) {
            sink.accept(batch);
        }
        jdbc.update("UPDATE outbox SET dispatched_at = now() WHERE history_entry_id = ANY(CAST(? AS bigint[]))",
                batch.sqlArray());
        return ids.size();
    }
}
