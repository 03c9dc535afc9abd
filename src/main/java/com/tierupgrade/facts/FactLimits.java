package com.tierupgrade.facts;

/**
 * How much one post of facts may carry ({@code tierup.limits.*}, docs/facts.md). Whole-body size is limited before
 * this, by {@code quarkus.http.limits.max-body-size}.
 *
 * @param attributesPerPost attributes in one request
 * @param eventsPerPost events in one request
 * @param textLength characters of a text value (attribute value, event field)
 * @param nameLength characters of an attribute name or event field name
 */
public record FactLimits(int attributesPerPost, int eventsPerPost, int textLength, int nameLength) {

    /** The defaults, also used for scenarios, whose facts come from files in rules/. */
    public static final FactLimits DEFAULT = new FactLimits(200, 1000, 2000, 100);

    public static FactLimits of(LimitsConfig config) {
        return new FactLimits(config.attributesPerPost(), config.eventsPerPost(), config.textLength(),
                config.nameLength());
    }
}
