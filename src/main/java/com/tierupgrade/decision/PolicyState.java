package com.tierupgrade.decision;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the tier policy of ladders.yaml remembers between evaluations of one dimension, stored with the decision so
 * that any instance, after any restart, continues from the same point.
 *
 * @param value the value after the policy and before any manual decision (null: none)
 * @param lostSince when the rules first stopped giving {@code value} (the grace period counts from it)
 * @param lastStepAt when the value last went down one rung after the grace period
 * @param pendingSince since when the rules have given a higher value that is waiting for its qualification window
 */
public record PolicyState(@Schema(nullable = true) String value, @Schema(nullable = true) Instant lostSince,
        @Schema(nullable = true) Instant lastStepAt, @Schema(nullable = true) Instant pendingSince) {
}
