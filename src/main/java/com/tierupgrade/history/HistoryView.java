package com.tierupgrade.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.tierupgrade.decision.AppliedCutOff;
import com.tierupgrade.decision.MeasureValue;

/**
 * A history entry as auditors read it.
 *
 * @param dimension the dimension of ladders.yaml the entry is about (stage, tier, rfm …)
 * @param from the value before; null for INITIAL and when there was none
 * @param to the value after (for HELD_BACK the tier held back); null when a DOWNGRADE or CHANGE leaves no value
 * @param at the evaluation time of the decision
 * @param rule for HELD_BACK the filter rule that held the upgrade back; for WARNING the rule that raised it
 * @param warning for WARNING, the warning's code
 * @param measures the values the rules computed at that evaluation (R, F, M …)
 * @param cutOffs the population cut-offs the rules used at that evaluation
 * @param facts the attributes and events the decision was made on
 * @param author for OVERRIDE, HOLD and RELEASE: the person who decided (null when a manual decision expired)
 * @param manual for OVERRIDE, HOLD and RELEASE: FLOOR, PIN or HOLD
 * @param expiresAt for OVERRIDE and HOLD: when the manual decision stops applying
 */
public record HistoryView(long id, String customerId, String dimension, Kind kind,
        @Schema(nullable = true) String from, @Schema(nullable = true) String to, List<String> reasons,
        @Schema(nullable = true) String rule, @Schema(nullable = true) String warning, List<String> firedRules,
        String rulesetVersion, Instant at, Cause cause, List<MeasureValue> measures, List<AppliedCutOff> cutOffs,
        Map<String, Object> facts, Instant recordedAt, @Schema(nullable = true) String author,
        @Schema(nullable = true) String manual, @Schema(nullable = true) Instant expiresAt) {

    static HistoryView of(HistoryEntry entry) {
        Evaluation evaluation = entry.evaluation;
        return new HistoryView(entry.id, entry.customerId, entry.dimension, entry.kind, entry.fromValue,
                entry.toValue, entry.reasons, entry.rule, entry.warning, evaluation.firedRules,
                evaluation.rulesetVersion, evaluation.asOf, evaluation.cause, evaluation.measures,
                evaluation.cutOffs, evaluation.facts, evaluation.recordedAt, entry.author, entry.manual,
                entry.expiresAt);
    }
}
