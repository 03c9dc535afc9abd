package com.tierupgrade.integration.webhook;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Claims due deliveries for one worker and records how each try went, each in a short transaction of its own (no
 * transaction stays open while a receiver is called).
 */
@ApplicationScoped
@Transactional
class Deliveries {

    /** A delivery claimed for sending: where, with which secret, what. */
    record Claimed(long id, int attempt, String url, String secret, long announcementId, String payload) {
    }

    private final EntityManager entityManager;
    private final WebhooksConfig config;

    Deliveries(EntityManager entityManager, WebhooksConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /**
     * Claims up to {@code size} due deliveries, oldest first. A delivery is due when it waits (its retry time has
     * come) or when the worker that claimed it let its claim lapse (crashed). It is skipped while an earlier one of
     * the same subscription and customer is still open, so each customer's announcements arrive in order, and rows
     * another worker is claiming are skipped, not waited for, so instances never claim the same try.
     */
    List<Claimed> claim(int size, Duration lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                WITH due AS (
                    SELECT d.id FROM webhook_delivery d
                    JOIN webhook_subscription s ON s.id = d.subscription_id AND s.deleted_at IS NULL
                    WHERE ((d.status = 'PENDING' AND d.next_attempt_at <= now())
                           OR (d.status = 'SENDING' AND d.claimed_until < now()))
                      AND NOT EXISTS (SELECT 1 FROM webhook_delivery e
                                      WHERE e.subscription_id = d.subscription_id AND e.customer_id = d.customer_id
                                        AND e.status IN ('PENDING', 'SENDING') AND e.id < d.id)
                    ORDER BY d.id LIMIT ?1
                    FOR UPDATE OF d SKIP LOCKED),
                claimed AS (
                    UPDATE webhook_delivery d
                    SET status = 'SENDING', attempts = d.attempts + 1, last_attempt_at = now(),
                        claimed_until = now() + CAST(?2 AS interval)
                    FROM due WHERE d.id = due.id
                    RETURNING d.id, d.attempts, d.subscription_id, d.history_entry_id)
                SELECT c.id, c.attempts, s.url, s.secret, c.history_entry_id, CAST(o.payload AS text)
                FROM claimed c
                JOIN webhook_subscription s ON s.id = c.subscription_id
                JOIN outbox o ON o.history_entry_id = c.history_entry_id
                ORDER BY c.id""")
                .setParameter(1, size)
                .setParameter(2, lease.toMillis() + " milliseconds")
                .getResultList();
        return rows.stream().map(row -> new Claimed(((Number) row[0]).longValue(), ((Number) row[1]).intValue(),
                (String) row[2], (String) row[3], ((Number) row[4]).longValue(), (String) row[5])).toList();
    }

    /** Records the outcome of every try of a batch, in one transaction. */
    void record(List<WebhookSender.Outcome> outcomes) {
        for (WebhookSender.Outcome outcome : outcomes) {
            if (outcome.delivered()) {
                delivered(outcome.delivery().id());
            } else {
                failed(outcome.delivery().id(), outcome.delivery().attempt(), outcome.error());
            }
        }
    }

    private void delivered(long id) {
        entityManager.createNativeQuery("""
                UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = now(), claimed_until = NULL
                WHERE id = ?1 AND status = 'SENDING'""").setParameter(1, id).executeUpdate();
    }

    /** A failed try: retried after the backoff, or a dead letter once the tries are exhausted. */
    private void failed(long id, int attempt, String error) {
        boolean dead = attempt >= config.maxAttempts();
        entityManager.createNativeQuery("""
                UPDATE webhook_delivery
                SET status = ?2, last_error = ?3, claimed_until = NULL,
                    next_attempt_at = now() + CAST(?4 AS interval)
                WHERE id = ?1 AND status = 'SENDING'""")
                .setParameter(1, id)
                .setParameter(2, dead ? "DEAD" : "PENDING")
                .setParameter(3, error.length() > 1000 ? error.substring(0, 1000) : error)
                .setParameter(4, backoff(attempt).toMillis() + " milliseconds")
                .executeUpdate();
    }

    /** The wait after the {@code attempt}-th failed try: first-retry-after × 2^(attempt-1), at most max-retry-after. */
    Duration backoff(int attempt) {
        Duration wait = config.firstRetryAfter();
        for (int i = 1; i < attempt && wait.compareTo(config.maxRetryAfter()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : wait;
    }
}
