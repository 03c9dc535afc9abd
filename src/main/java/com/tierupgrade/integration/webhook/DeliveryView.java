package com.tierupgrade.integration.webhook;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One announcement to one subscription.
 *
 * @param announcementId the history entry id the announcement carries
 * @param status PENDING, SENDING, DELIVERED or DEAD
 * @param nextAttemptAt when a PENDING delivery is tried next
 * @param lastError the error of the latest failed try, null when none failed
 */
public record DeliveryView(long id, long announcementId, String customerId, String status, int attempts,
        Instant nextAttemptAt, @Schema(nullable = true) Instant lastAttemptAt, @Schema(nullable = true) String lastError,
        @Schema(nullable = true) Instant deliveredAt, Instant createdAt) {
}
