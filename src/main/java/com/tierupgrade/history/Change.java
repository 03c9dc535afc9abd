package com.tierupgrade.history;

import java.util.List;

/**
 * One change found between two decisions, before it is stored.
 *
 * @param rule for HELD_BACK the filter rule, for WARNING the rule that raised it
 * @param warning for WARNING, the warning's code
 */
record Change(String dimension, Kind kind, String from, String to, List<String> reasons, String rule,
        String warning) {

    Change {
        reasons = List.copyOf(reasons);
    }
}
