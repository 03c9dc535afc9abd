package com.tierupgrade.manual;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Lifts a manual decision before it expires.
 *
 * @param kind HOLD releases the dimension's hold; FLOOR or PIN its floor or pin
 */
public record ReleaseRequest(@Schema(nullable = true) String dimension, @Schema(nullable = true) String kind,
        @Schema(nullable = true) String reason) {
}
