package com.tierupgrade.audience;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One condition of an audience, as validated from the marketer's JSON. All criteria of an audience hold at once. */
sealed interface Criterion {

    /** Where a customer's latest values live: attributes (region, gender…) or dimensions (tier, rfm…). */
    enum Column {
        ATTRIBUTES("c.attributes"), DIMENSIONS("c.dimensions");

        final String sql;

        Column(String sql) {
            this.sql = sql;
        }
    }

    /** {@code name} has one of {@code values} (or, when {@code excluded}, none of them; absent counts as none). */
    record Values(Column column, String name, List<JsonNode> values, boolean excluded) implements Criterion {
    }

    /**
     * The customer's events of {@code type} matching {@code where} and whose boolean fields {@code notTrue} are not
     * true (absent counts as false), at or before asOf and within the last
     * {@code withinDays} days (ever when null), number from {@code atLeast} to {@code atMost} and their amounts add up
     * to between {@code totalAmountAtLeast} and {@code totalAmountAtMost}. Null bounds are not checked. A customer
     * without such events has a count and a total of 0.
     */
    record Events(String type, ObjectNode where, List<String> notTrue, Integer withinDays, Long atLeast, Long atMost,
            BigDecimal totalAmountAtLeast, BigDecimal totalAmountAtMost) implements Criterion {

        /** True when a customer with no matching event fails this criterion. */
        boolean requiresAnEvent() {
            return (atLeast != null && atLeast > 0)
                    || (totalAmountAtLeast != null && totalAmountAtLeast.signum() > 0);
        }

        boolean onlyAtLeastOne() {
            return atLeast != null && atLeast == 1 && atMost == null && totalAmountAtLeast == null
                    && totalAmountAtMost == null;
        }

        boolean onlyNone() {
            return atMost != null && atMost == 0 && (atLeast == null || atLeast == 0) && totalAmountAtLeast == null
                    && totalAmountAtMost == null;
        }
    }
}
