package com.tierupgrade.rules.fact;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One event the customer had before the evaluation time. Window arithmetic is relative to that time, so the same
 * events give other answers at a later evaluation time.
 */
public class Event {

    private final String id;
    private final String type;
    private final Instant at;
    private final Duration age;
    private final Map<String, Object> fields;

    public Event(String id, String type, Instant at, Instant evaluatedAt, Map<String, Object> fields) {
        this.id = id;
        this.type = type;
        this.at = at;
        this.age = Duration.between(at, evaluatedAt);
        this.fields = Map.copyOf(fields);
    }

    public String getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public Instant getAt() {
        return at;
    }

    /** Whole days between this event and the evaluation time. */
    public long getDaysAgo() {
        return age.toDays();
    }

    /** True when the event happened less than {@code days} days before the evaluation time. */
    public boolean within(long days) {
        // Same answer as age < Duration.ofDays(days) without a Duration per call (rules call this per event and
        // window): nanos are never negative, so the age is shorter exactly when its whole seconds are fewer.
        if (Math.abs(days) < SECONDS_PER_DAY_LIMIT) {
            return age.getSeconds() < days * SECONDS_PER_DAY;
        }
        return age.compareTo(Duration.ofDays(days)) < 0;
    }

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long SECONDS_PER_DAY_LIMIT = Long.MAX_VALUE / SECONDS_PER_DAY;

    /** PURCHASE, REFERRAL_PURCHASE and REFUND: the amount, 0 when absent. */
    public double getAmount() {
        Object value = fields.get("amount");
        return value instanceof Number number ? number.doubleValue() : 0;
    }

    /** REVIEW: the rating 1–5, 0 when absent. */
    public int getRating() {
        Object value = fields.get("rating");
        return value instanceof Number number ? number.intValue() : 0;
    }

    /** PURCHASE: bought with a coupon. */
    public boolean isCouponUsed() {
        return flag("couponUsed");
    }

    /** COMPLAINT: the problem was resolved. */
    public boolean isResolved() {
        return flag("resolved");
    }

    /** SHARE: shared because of a coupon or gift. */
    public boolean isIncentivized() {
        return flag("incentivized");
    }

    /** PROMOTION: the customer reacted to it (clicked, joined or used it). */
    public boolean isResponded() {
        return flag("responded");
    }

    /** INTERACTION: READ, LIKE, REPLY or QUESTION. */
    public String getKind() {
        return text("kind");
    }

    /** PURCHASE: the brand bought. */
    public String getBrand() {
        return text("brand");
    }

    // Any field declared in events.yaml, by name: Event( type == "VIOLATION", text("rule") == "广告" ).
    // The compiler refuses a name events.yaml does not declare for the type.

    /** The field as sent, null when absent. */
    public Object field(String name) {
        return fields.get(name);
    }

    /** Whether the event carries the field, e.g. has("viaCustomerId") for a second-level referral purchase. */
    public boolean has(String name) {
        return fields.get(name) != null;
    }

    /** A boolean field; absent counts as false (a complaint without resolved is unresolved). */
    public boolean flag(String name) {
        return Boolean.TRUE.equals(fields.get(name));
    }

    /** A number field (amount, count, rating), 0 when absent. */
    public double number(String name) {
        Object value = fields.get(name);
        return value instanceof Number number ? number.doubleValue() : 0;
    }

    /** A text, one-of or customer-id field, null when absent. */
    public String text(String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }
}
