package com.tierupgrade.integration.webhook;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.tierupgrade.db.Jdbc;

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

    private final Jdbc jdbc;
    private final WebhooksConfig config;

    Deliveries(Jdbc jdbc, WebhooksConfig config) {
        this.jdbc = jdbc;
        this.config = config;
    }

    /**
     * Claims up to {@code size} due deliveries, oldest first. A delivery is due when it waits (its retry time has
     * come) or when the worker that claimed it let its claim lapse (crashed). It is skipped while an earlier one of
     * the same subscription and customer is still open, so each customer's announcements arrive in order, and rows
     * another worker is claiming are skipped, not waited for, so instances never claim the same try.
     */
    List<Claimed> claim(int size, Duration lease) {
        return jdbc.list("""
                WITH due AS (
                    SELECT d.id FROM webhook_delivery d
                    JOIN webhook_subscription s ON s.id = d.subscription_id AND s.deleted_at IS NULL
                    WHERE ((d.status = 'PENDING' AND d.next_attempt_at <= now())
                           OR (d.status = 'SENDING' AND d.claimed_until < now()))
                      AND NOT EXISTS (SELECT 1 FROM webhook_delivery e
                                      WHERE e.subscription_id = d.subscription_id AND e.customer_id = d.customer_id
                                        AND e.status IN ('PENDING', 'SENDING') AND e.id < d.id)
                    ORDER BY d.id LIMIT ?
                    FOR UPDATE OF d SKIP LOCKED),
                claimed AS (
                    UPDATE webhook_delivery d
                    SET status = 'SENDING', attempts = d.attempts + 1, last_attempt_at = now(),
                        claimed_until = now() + CAST(? AS interval)
                    FROM due WHERE d.id = due.id
                    RETURNING d.id, d.attempts, d.subscription_id, d.history_entry_id)
                SELECT c.id, c.attempts, s.url, s.secret, c.history_entry_id, CAST(o.payload AS text)
                FROM claimed c
                JOIN webhook_subscription s ON s.id = c.subscription_id
                JOIN outbox o ON o.history_entry_id = c.history_entry_id
                ORDER BY c.id""",
                row -> new Claimed(row.getLong(1), row.getInt(2), row.getString(3), row.getString(4), row.getLong(5),
                        row.getString(6)),
                size, lease.toMillis() + " milliseconds");
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
        jdbc.update("""
                UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = now(), claimed_until = NULL
                WHERE id = ? AND status = 'SENDING'""", id);
    }

    /** A failed try: retried after the backoff, or a dead letter once the tries are exhausted. */
    private void failed(long id, int attempt, String error) {
        boolean dead = attempt >= config.maxAttempts();
        jdbc.update("""
                UPDATE webhook_delivery
                SET status = ?, last_error = ?, claimed_until = NULL, next_attempt_at = now() + CAST(? AS interval)
                WHERE id = ? AND status = 'SENDING'""",
                dead ? "DEAD" : "PENDING", error.length() > 1000 ? error.substring(0, 1000) : error,
                backoff(attempt).toMillis() + " milliseconds", id);
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
