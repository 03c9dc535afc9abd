package com.tierupgrade.audience;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** A saved audience: its criteria exactly as they were saved. */
public record AudienceView(long id, String name, JsonNode criteria, Instant createdAt) {
}
