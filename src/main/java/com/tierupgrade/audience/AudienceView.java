package com.tierupgrade.audience;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** A saved audience: its criteria exactly as they were saved. */
public record AudienceView(long id, String name, @Schema(ref = "Criteria") JsonNode criteria, Instant createdAt) {
}
