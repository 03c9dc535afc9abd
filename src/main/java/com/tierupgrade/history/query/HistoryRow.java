package com.tierupgrade.history.query;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.tierupgrade.history.Cause;
import com.tierupgrade.history.Kind;

/**
 * One history entry as {@code GET /history} lists it (JSON) and exports it (CSV), with the display names of its codes.
 * The facts the decision was made on are left out of the list; {@code GET /customers/{id}/history} and the
 * explanation give them.
 *
 * @param at the evaluation time (as_of)
 * @param from the value before (code, and display name); null as in GET /customers/{id}/history
 * @param rule for HELD_BACK the filter rule, for WARNING the rule that raised it; null otherwise
 * @param author for OVERRIDE, HOLD and RELEASE: who decided (null when a manual decision expired)
 * @param manual for OVERRIDE, HOLD and RELEASE: FLOOR, PIN or HOLD
 * @param expiresAt for OVERRIDE and HOLD: when it stops applying
 */
public record HistoryRow(long id, String customerId, Instant at, String dimension, String dimensionName, Kind kind,
        @Schema(nullable = true) String from, @Schema(nullable = true) String fromName,
        @Schema(nullable = true) String to, @Schema(nullable = true) String toName, List<String> reasons,
        @Schema(nullable = true) String rule, @Schema(nullable = true) String warning, List<String> firedRules,
        String rulesetVersion, Cause cause, Instant recordedAt, @Schema(nullable = true) String author,
        @Schema(nullable = true) String manual, @Schema(nullable = true) Instant expiresAt) {
}
