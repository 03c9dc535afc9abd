package com.tierupgrade.customer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.tierupgrade.decision.Decision;
import com.tierupgrade.history.HistoryView;

/** The answer to posted facts: the decision, and the history entries this call created. */
public record FactsResponse(String customerId, @JsonUnwrapped Decision decision, List<HistoryView> history) {
}
