package com.tierupgrade.manual;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A person's decision for one customer and one dimension, as posted.
 *
 * @param kind FLOOR (at least this value), PIN (exactly this value) or HOLD (not this value or higher)
 * @param value a code or display name of the dimension in ladders.yaml
 * @param reason why; kept in the history and shown with the decision
 * @param expiresAt when it stops applying (ISO-8601 with an offset, in the future); required for FLOOR and PIN
 */
public record ManualDecisionRequest(@Schema(nullable = true) String dimension, @Schema(nullable = true) String kind,
        @Schema(nullable = true) String value, @Schema(nullable = true) String reason,
        @Schema(nullable = true) String expiresAt) {
}
