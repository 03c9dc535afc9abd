package com.tierupgrade.integration.outbox;

import java.time.Instant;
import java.util.List;

import com.tierupgrade.history.Cause;
import com.tierupgrade.history.HistoryView;
import com.tierupgrade.history.Kind;

/**
 * What the systems that act on decisions receive, once per history entry (docs/integration.md). Delivery is at least
 * once: consumers drop an {@code id} they have already handled.
 *
 * @param id the history entry's id: stable across retries, replays and restarts, increasing per customer
 * @param action the operating move ladders.yaml gives the new value, null when it gives none
 * @param at the evaluation time of the decision
 * @param rule for HELD_BACK the filter rule, for WARNING the rule that raised it; null otherwise
 * @param warning for WARNING the warning's code; null otherwise
 */
public record Announcement(long id, String customerId, String dimension, Kind kind, String from, String to,
        List<String> reasons, String rule, String warning, String action, String rulesetVersion, Instant at,
        Cause cause, Instant recordedAt) {

    static Announcement of(HistoryView entry, String action) {
        return new Announcement(entry.id(), entry.customerId(), entry.dimension(), entry.kind(), entry.from(),
                entry.to(), entry.reasons(), entry.rule(), entry.warning(), action, entry.rulesetVersion(),
                entry.at(), entry.cause(), entry.recordedAt());
    }
}
