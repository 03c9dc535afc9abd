package com.tierupgrade.history.chain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The first row of a chain that does not match: its table, customer (null for the per-table chains of rule sets),
 * id (the version for a rule set, the event id for a stored event), what verify expected and what it found (hex
 * hashes or a short description), and why.
 */
public record BrokenLink(String table, @Schema(nullable = true) String customerId, String id,
        @Schema(nullable = true) String expected, @Schema(nullable = true) String found, String reason) {
}
