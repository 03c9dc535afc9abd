package com.tierupgrade.reevaluation;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A bulk re-evaluation waiting for (or decided by) a person.
 *
 * @param whatIf per value of each ordered dimension, how many holders the new rules would move down
 * @param decidedBy who confirmed or dismissed it (null while pending or when superseded)
 */
public record BulkConfirmationView(long id, String rulesetVersion, String previousVersion, Instant requestedAt,
        List<WhatIf> whatIf, BulkConfirmation.State state, @Schema(nullable = true) String decidedBy,
        @Schema(nullable = true) Instant decidedAt, @Schema(nullable = true) String reason) {
}
