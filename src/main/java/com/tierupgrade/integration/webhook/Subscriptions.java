package com.tierupgrade.integration.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.tierupgrade.db.Jdbc;
import com.tierupgrade.rules.engine.ActiveRuleSet;
import com.tierupgrade.web.FieldProblem;

/** Registering, reading and removing webhook subscriptions, their deliveries, and replays by hand. */
@ApplicationScoped
@Transactional
public class Subscriptions {

    private static final List<String> STATUSES = List.of("PENDING", "SENDING", "DELIVERED", "DEAD");

    private final Jdbc jdbc;
    private final ActiveRuleSet rules;

    Subscriptions(Jdbc jdbc, ActiveRuleSet rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    /** Registers a subscription; it receives the announcements dispatched from now on. The answer has its secret. */
    public SubscriptionView create(SubscriptionRequest request) {
        SubscriptionRequest valid = SubscriptionValidator.validate(request, rules.current().ladders());
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.url = valid.url();
        subscription.secret = valid.secret();
        subscription.description = valid.description();
        subscription.dimensions = valid.dimensions();
        subscription.kinds = valid.kinds();
        subscription.values = valid.values();
        subscription.createdAt = Instant.now();
        subscription.persist();
        return view(subscription, subscription.secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubscriptionView> list() {
        List<WebhookSubscription> subscriptions = WebhookSubscription.list("deletedAt IS NULL ORDER BY id");
        return subscriptions.stream().map(subscription -> view(subscription, null)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SubscriptionView find(long id) {
        return view(require(id), null);
    }

    /** Stops deliveries to the subscription; what was delivered stays readable in the database. */
    public void delete(long id) {
        require(id).deletedAt = Instant.now();
    }

    /** The subscription's deliveries, newest first, optionally of one status, before the delivery id {@code before}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliveryView> deliveries(long id, String status, long before, int limit) {
        require(id);
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidSubscription(List.of(new FieldProblem("status", "must be one of " + STATUSES)));
        }
        return jdbc.list("""
                SELECT id, history_entry_id, customer_id, status, attempts, next_attempt_at, last_attempt_at,
                       last_error, delivered_at, created_at
                FROM webhook_delivery
                WHERE subscription_id = ? AND (CAST(? AS text) IS NULL OR status = CAST(? AS text)) AND id < ?
                ORDER BY id DESC LIMIT ?""",
                row -> new DeliveryView(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                        row.getInt(5), instant(row, 6), instant(row, 7), row.getString(8), instant(row, 9),
                        instant(row, 10)),
                id, status, status, before, limit);
    }

    /** Sends every dead letter of the subscription again, oldest first, with a fresh count of tries. */
    public int replayDead(long id) {
        require(id);
        return jdbc.update("""
                UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = now()
                WHERE subscription_id = ? AND status = 'DEAD'""", id);
    }

    /** Sends one delivery again, whatever its status (a DELIVERED one is sent once more). */
    public void replay(long id, long deliveryId) {
        require(id);
        boolean exists = jdbc.one("SELECT 1 FROM webhook_delivery WHERE subscription_id = ? AND id = ?",
                row -> true, id, deliveryId).orElse(false);
        if (!exists) {
            throw new DeliveryNotFound(id, deliveryId);
        }
        // One being sent right now is left alone: that try is the replay.
        jdbc.update("""
                UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = now()
                WHERE subscription_id = ? AND id = ? AND status <> 'SENDING'""", id, deliveryId);
    }

    private static WebhookSubscription require(long id) {
        WebhookSubscription subscription = WebhookSubscription.findById(id);
        if (subscription == null || subscription.deletedAt != null) {
            throw new SubscriptionNotFound(id);
        }
        return subscription;
    }

    private SubscriptionView view(WebhookSubscription subscription, String secret) {
        SubscriptionView.Status status = jdbc.one("""
                SELECT count(*) FILTER (WHERE status IN ('PENDING', 'SENDING')),
                       count(*) FILTER (WHERE status = 'DELIVERED'),
                       count(*) FILTER (WHERE status = 'DEAD'),
                       max(delivered_at),
                       (SELECT last_error FROM webhook_delivery e
                        WHERE e.subscription_id = d.subscription_id AND e.last_error IS NOT NULL
                        ORDER BY e.last_attempt_at DESC LIMIT 1),
                       (SELECT max(last_attempt_at) FROM webhook_delivery e
                        WHERE e.subscription_id = d.subscription_id AND e.last_error IS NOT NULL)
                FROM webhook_delivery d WHERE subscription_id = ? GROUP BY subscription_id""",
                row -> new SubscriptionView.Status(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(5),
                        instant(row, 6), instant(row, 4)),
                subscription.id).orElse(new SubscriptionView.Status(0, 0, 0, null, null, null));
        return new SubscriptionView(subscription.id, subscription.url, subscription.description,
                subscription.dimensions, subscription.kinds, subscription.values, subscription.createdAt, secret,
                status);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
