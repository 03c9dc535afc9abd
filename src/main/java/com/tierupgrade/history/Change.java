package com.tierupgrade.history;

import java.time.Instant;
import java.util.List;

/**
 * One change found between two decisions, before it is stored.
 *
 * @param rule for HELD_BACK the filter rule, for WARNING the rule that raised it
 * @param warning for WARNING, the warning's code
 * @param author for a manual entry, who decided (null for an expiry)
 * @param manual for a manual entry, FLOOR, PIN or HOLD
 */
record Change(String dimension, Kind kind, String from, String to, List<String> reasons, String rule,
        String warning, String author, String manual, Instant expiresAt) {

    Change {
        reasons = List.copyOf(reasons);
    }

    Change(String dimension, Kind kind, String from, String to, List<String> reasons, String rule, String warning) {
        this(dimension, kind, from, to, reasons, rule, warning, null, null, null);
    }
}
