package com.tierupgrade.facts;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The event types upstream systems may send, and the fields each one carries. */
public enum EventType {
    PURCHASE(Map.of("amount", FieldType.AMOUNT, "brand", FieldType.TEXT, "couponUsed", FieldType.BOOLEAN),
            Set.of("amount")),
    VISIT(Map.of(), Set.of()),
    INTERACTION(Map.of("kind", FieldType.INTERACTION_KIND), Set.of("kind")),
    SHARE(Map.of("incentivized", FieldType.BOOLEAN), Set.of()),
    REFERRAL_PURCHASE(Map.of("referredCustomerId", FieldType.TEXT, "amount", FieldType.AMOUNT), Set.of()),
    REVIEW(Map.of("rating", FieldType.RATING), Set.of("rating")),
    SUGGESTION(Map.of(), Set.of()),
    COMPLAINT(Map.of("resolved", FieldType.BOOLEAN), Set.of()),
    REFUND(Map.of("amount", FieldType.AMOUNT), Set.of()),
    /** A promotion that reached the customer; responded when they clicked, joined or used it. */
    PROMOTION(Map.of("responded", FieldType.BOOLEAN, "campaign", FieldType.TEXT), Set.of());

    /** The kinds of value a known field may hold. Fields not listed are kept as sent. */
    enum FieldType {
        AMOUNT("a number ≥ 0"),
        RATING("a whole number from 1 to 5"),
        BOOLEAN("true or false"),
        TEXT("text"),
        INTERACTION_KIND("one of READ, LIKE, REPLY, QUESTION");

        final String expected;

        FieldType(String expected) {
            this.expected = expected;
        }

        boolean accepts(Object value) {
            return switch (this) {
                case AMOUNT -> value instanceof Number n && n.doubleValue() >= 0 && Double.isFinite(n.doubleValue());
                case RATING -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        && n.intValue() >= 1 && n.intValue() <= 5;
                case BOOLEAN -> value instanceof Boolean;
                case TEXT -> value instanceof String;
                case INTERACTION_KIND -> value instanceof String s && List.of("READ", "LIKE", "REPLY", "QUESTION")
                        .contains(s);
            };
        }
    }

    final Map<String, FieldType> fields;
    final Set<String> required;

    EventType(Map<String, FieldType> fields, Set<String> required) {
        this.fields = fields;
        this.required = required;
    }
}
