package com.tierupgrade.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.tierupgrade.decision.Decision;

/** A customer as auditors read it: current facts and the current decision (null before the first evaluation). */
public record CustomerView(String customerId, Map<String, Object> attributes, List<Map<String, Object>> events,
        @Schema(nullable = true) Decision decision, Instant createdAt, Instant updatedAt) {
}
