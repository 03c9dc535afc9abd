package com.tierupgrade.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.tierupgrade.decision.Dimension;

/**
 * A history entry as auditors read it.
 *
 * @param at the evaluation time of the decision
 * @param rule for HELD_BACK, the filter rule that held the upgrade back
 * @param facts the attributes and events the decision was made on
 */
public record HistoryView(long id, String customerId, Dimension dimension, Kind kind, String from, String to,
        List<String> reasons, String rule, List<String> firedRules, String rulesetVersion, Instant at, Cause cause,
        Map<String, Object> facts, Instant recordedAt) {

    static HistoryView of(HistoryEntry entry) {
        Evaluation evaluation = entry.evaluation;
        return new HistoryView(entry.id, entry.customerId, entry.dimension, entry.kind, entry.fromValue,
                entry.toValue, entry.reasons, entry.rule, evaluation.firedRules, evaluation.rulesetVersion,
                evaluation.asOf, evaluation.cause, evaluation.facts, evaluation.recordedAt);
    }
}
