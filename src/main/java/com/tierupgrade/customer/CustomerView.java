package com.tierupgrade.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.tierupgrade.decision.Decision;

/** A customer as auditors read it: current facts and the current decision. */
public record CustomerView(String customerId, Map<String, Object> attributes, List<Map<String, Object>> events,
        Decision decision, Instant createdAt, Instant updatedAt) {
}
