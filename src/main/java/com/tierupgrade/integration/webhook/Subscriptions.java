package com.tierupgrade.integration.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.tierupgrade.rules.ActiveRuleSet;

/** Registering, reading and removing webhook subscriptions, their deliveries, and replays by hand. */
@ApplicationScoped
@Transactional
public class Subscriptions {

    private static final List<String> STATUSES = List.of("PENDING", "SENDING", "DELIVERED", "DEAD");

    private final EntityManager entityManager;
    private final ActiveRuleSet rules;

    Subscriptions(EntityManager entityManager, ActiveRuleSet rules) {
        this.entityManager = entityManager;
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
        entityManager.persist(subscription);
        return view(subscription, subscription.secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubscriptionView> list() {
        return entityManager.createQuery("FROM WebhookSubscription s WHERE s.deletedAt IS NULL ORDER BY s.id",
                WebhookSubscription.class).getResultList().stream().map(s -> view(s, null)).toList();
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
            throw new InvalidSubscription(List.of(new com.tierupgrade.web.FieldProblem("status",
                    "must be one of " + STATUSES)));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT id, history_entry_id, customer_id, status, attempts, next_attempt_at, last_attempt_at,
                       last_error, delivered_at, created_at
                FROM webhook_delivery
                WHERE subscription_id = ?1 AND (CAST(?2 AS text) IS NULL OR status = ?2) AND id < ?3
                ORDER BY id DESC LIMIT ?4""")
                .setParameter(1, id).setParameter(2, status).setParameter(3, before).setParameter(4, limit)
                .getResultList();
        return rows.stream().map(row -> new DeliveryView(((Number) row[0]).longValue(),
                ((Number) row[1]).longValue(), (String) row[2], (String) row[3], ((Number) row[4]).intValue(),
                instant(row[5]), instant(row[6]), (String) row[7], instant(row[8]), instant(row[9]))).toList();
    }

    /** Sends every dead letter of the subscription again, oldest first, with a fresh count of tries. */
    public int replayDead(long id) {
        require(id);
        return entityManager.createNativeQuery("""
                UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = now()
                WHERE subscription_id = ?1 AND status = 'DEAD'""").setParameter(1, id).executeUpdate();
    }

    /** Sends one delivery again, whatever its status (a DELIVERED one is sent once more). */
    public void replay(long id, long deliveryId) {
        require(id);
        int updated = entityManager.createNativeQuery("""
                UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = now()
                WHERE subscription_id = ?1 AND id = ?2 AND status <> 'SENDING'""")
                .setParameter(1, id).setParameter(2, deliveryId).executeUpdate();
        if (updated == 0) {
            Number exists = (Number) entityManager.createNativeQuery(
                    "SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?1 AND id = ?2")
                    .setParameter(1, id).setParameter(2, deliveryId).getSingleResult();
            if (exists.longValue() == 0) {
                throw new DeliveryNotFound(id, deliveryId);
            }
            // Being sent right now: that try is the replay.
        }
    }

    private WebhookSubscription require(long id) {
        WebhookSubscription subscription = entityManager.find(WebhookSubscription.class, id);
        if (subscription == null || subscription.deletedAt != null) {
            throw new SubscriptionNotFound(id);
        }
        return subscription;
    }

    private SubscriptionView view(WebhookSubscription subscription, String secret) {
        Object[] counts = (Object[]) entityManager.createNativeQuery("""
                SELECT count(*) FILTER (WHERE status IN ('PENDING', 'SENDING')),
                       count(*) FILTER (WHERE status = 'DELIVERED'),
                       count(*) FILTER (WHERE status = 'DEAD'),
                       max(delivered_at)
                FROM webhook_delivery WHERE subscription_id = ?1""")
                .setParameter(1, subscription.id).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> lastError = entityManager.createNativeQuery("""
                SELECT last_error, last_attempt_at FROM webhook_delivery
                WHERE subscription_id = ?1 AND last_error IS NOT NULL
                ORDER BY last_attempt_at DESC LIMIT 1""").setParameter(1, subscription.id).getResultList();
        SubscriptionView.Status status = new SubscriptionView.Status(((Number) counts[0]).longValue(),
                ((Number) counts[1]).longValue(), ((Number) counts[2]).longValue(),
                lastError.isEmpty() ? null : (String) lastError.get(0)[0],
                lastError.isEmpty() ? null : instant(lastError.get(0)[1]), instant(counts[3]));
        return new SubscriptionView(subscription.id, subscription.url, subscription.description,
                subscription.dimensions, subscription.kinds, subscription.values, subscription.createdAt, secret,
                status);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("not a time: " + value.getClass());
    }
}
