package com.tierupgrade.integration.webhook;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A subscription as operators read it (never with its secret), with how its deliveries stand.
 *
 * @param secret only in the answer to the registration, null everywhere else
 */
public record SubscriptionView(long id, String url, @Schema(nullable = true) String description, List<String> dimensions, List<String> kinds,
        List<String> values, Instant createdAt, @Schema(nullable = true) String secret, Status status) {

    /**
     * @param pending deliveries waiting for their first try or their next retry (or being sent)
     * @param dead deliveries whose tries are exhausted; replayable
     * @param lastError the error of the latest failed try, null when none failed
     * @param lastErrorAt when that try was made
     * @param lastDeliveredAt when the latest delivery succeeded, null before the first
     */
    public record Status(long pending, long delivered, long dead, @Schema(nullable = true) String lastError,
            @Schema(nullable = true) Instant lastErrorAt, @Schema(nullable = true) Instant lastDeliveredAt) {
    }
}
