package com.tierupgrade.history.query;

import java.time.Instant;
import java.util.List;

import com.tierupgrade.history.Cause;
import com.tierupgrade.history.Kind;

/**
 * The filters of {@code GET /history}, validated. Every filter is optional (null or empty means "any"); all given
 * filters must hold.
 *
 * @param customers entries of these customers (any of them)
 * @param dimension a dimension key of ladders.yaml (stage, tier, rfm …)
 * @param kinds entries of any of these kinds (MANUAL in the query stands for OVERRIDE, HOLD and RELEASE)
 * @param from the code the entry moved from
 * @param to the code the entry moved to (for HELD_BACK: the tier held back)
 * @param rule a rule that fired in the entry's evaluation (the filter or warning rule of a HELD_BACK or WARNING entry
 *        is one of them)
 * @param author manual entries (OVERRIDE, HOLD, RELEASE) made by this person
 * @param reason manual entries that give exactly this reason
 * @param since evaluation time (as_of) at or after
 * @param until evaluation time (as_of) before
 * @param after the last entry id already read, 0 for the start
 * @param limit the page size
 */
public record HistoryQuery(List<String> customers, String dimension, List<Kind> kinds, String from, String to,
        String rule, String rulesetVersion, Cause cause, String author, String reason, Instant since, Instant until,
        long after, int limit) {

    public HistoryQuery {
        customers = List.copyOf(customers);
        kinds = List.copyOf(kinds);
    }

    public HistoryQuery after(long lastId) {
        return new HistoryQuery(customers, dimension, kinds, from, to, rule, rulesetVersion, cause, author, reason, since,
                until, lastId, limit);
    }
}
