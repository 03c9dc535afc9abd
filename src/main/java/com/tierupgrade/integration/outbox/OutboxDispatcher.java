package com.tierupgrade.integration.outbox;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Hands committed outbox rows to every {@link AnnouncementSink}, oldest first, and marks them dispatched, all in one
 * transaction: a crash before the commit dispatches the same rows again (sinks ignore a row they already have).
 * Instances of the service take turns through an advisory lock, so sinks receive each customer's rows in order.
 */
@ApplicationScoped
public class OutboxDispatcher {

    /** Any fixed number; the PostgreSQL advisory lock the dispatchers of all instances share. */
    private static final long DISPATCH_LOCK = 13_0001L;

    private final EntityManager entityManager;
    private final Instance<AnnouncementSink> sinks;

    OutboxDispatcher(EntityManager entityManager, @Any Instance<AnnouncementSink> sinks) {
        this.entityManager = entityManager;
        this.sinks = sinks;
    }

    /** Dispatches up to {@code size} rows; answers how many (0 when none waited or another instance dispatches). */
    @Transactional
    public int dispatch(int size) {
        boolean ours = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, DISPATCH_LOCK).getSingleResult();
        if (!ours) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Long> ids = entityManager.createNativeQuery("""
                SELECT history_entry_id FROM outbox WHERE dispatched_at IS NULL
                ORDER BY history_entry_id LIMIT ?1 FOR UPDATE SKIP LOCKED""", Long.class)
                .setParameter(1, size).getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        OutboxBatch batch = new OutboxBatch(ids);
        for (AnnouncementSink sink : sinks) {
            sink.accept(batch);
        }
        entityManager.createNativeQuery(
                "UPDATE outbox SET dispatched_at = now() WHERE history_entry_id = ANY(CAST(?1 AS bigint[]))")
                .setParameter(1, batch.sqlArray()).executeUpdate();
        return ids.size();
    }
}
