package com.tierupgrade.facts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of value an event field declared in {@code rules/events.yaml} may hold. Fields an event type does not
 * declare are kept as sent and never checked.
 */
public enum FieldKind {
    /** Money: a number from 0 to {@link FactsValidator#MAX_AMOUNT}. */
    AMOUNT("amount"),
    /** How many: a whole number ≥ 0. */
    COUNT("count"),
    /** Stars: a whole number from 1 to 5. */
    RATING("rating"),
    /** true or false; absent counts as false everywhere (rules and audiences), e.g. a complaint without resolved. */
    BOOLEAN("boolean"),
    TEXT("text"),
    /** One of the values the declaration lists. */
    ONE_OF("oneOf"),
    /** Another customer's id, in the alphabet of {@link CustomerIds}. */
    CUSTOMER_ID("customerId");

    /** How the kind is written in events.yaml. */
    public final String yamlName;

    FieldKind(String yamlName) {
        this.yamlName = yamlName;
    }

    public static Optional<FieldKind> ofYamlName(String name) {
        for (FieldKind kind : values()) {
            if (kind.yamlName.equals(name) || kind.name().equals(name.toUpperCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    public static List<String> yamlNames() {
        return List.of(values()).stream().map(kind -> kind.yamlName).toList();
    }

    /** Whether the value fits this kind; {@code values} are the choices of a one-of field. */
    boolean accepts(Object value, List<String> values) {
        return switch (this) {
            case AMOUNT -> value instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= 0;
            case COUNT -> value instanceof Number n && isWhole(n) && n.doubleValue() >= 0
                    && n.doubleValue() <= FactsValidator.MAX_NUMBER;
            case RATING -> value instanceof Number n && isWhole(n) && n.intValue() >= 1 && n.intValue() <= 5;
            case BOOLEAN -> value instanceof Boolean;
            case TEXT -> value instanceof String;
            case ONE_OF -> value instanceof String s && values.contains(s);
            case CUSTOMER_ID -> value instanceof String s && CustomerIds.problem(s).isEmpty();
        };
    }

    /** What a value of this kind must be, for error messages. */
    String expected(List<String> values) {
        return switch (this) {
            case AMOUNT -> "a number ≥ 0";
            case COUNT -> "a whole number ≥ 0";
            case RATING -> "a whole number from 1 to 5";
            case BOOLEAN -> "true or false";
            case TEXT -> "text";
            case ONE_OF -> "one of " + String.join(", ", values);
            case CUSTOMER_ID -> "a customer id: 1 to " + CustomerIds.MAX_LENGTH + " of " + CustomerIds.ALPHABET;
        };
    }

    private static boolean isWhole(Number n) {
        double value = n.doubleValue();
        return Double.isFinite(value) && value == Math.rint(value);
    }
}
