package com.tierupgrade.decision;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A person's decision over the rules for one customer and one dimension, in force until it expires or is released.
 *
 * @param value the code of ladders.yaml it names (the floor, the pinned value, or the value held back)
 * @param author the user who made it
 * @param at when it was made
 * @param expiresAt when it stops applying (the first evaluation at or after it drops it); null for a hold that lasts
 *        until released
 */
public record ManualDecision(String dimension, ManualKind kind, String value, String reason, String author,
        Instant at, @Schema(nullable = true) Instant expiresAt) {

    public boolean expiredAt(Instant asOf) {
        return expiresAt != null && !asOf.isBefore(expiresAt);
    }

    /** Whether the two take the same place: a dimension has one floor or pin, and one hold. */
    public boolean sameSlot(String otherDimension, ManualKind otherKind) {
        return dimension.equals(otherDimension) && (kind == ManualKind.HOLD) == (otherKind == ManualKind.HOLD);
    }
}
