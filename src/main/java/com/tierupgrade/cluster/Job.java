package com.tierupgrade.cluster;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A job as every instance sees it. {@code state} is RUNNING, DONE, STOPPED or FAILED; {@code instances} are those
 * that claimed its batches so far.
 */
public record Job(long id, String kind, String rulesetVersion, String createdBy, Instant createdAt, String state,
        @Schema(nullable = true) Instant finishedAt, int batches, int batchesDone, int customers, int changed,
        @Schema(nullable = true) String error, List<String> instances) {
}
