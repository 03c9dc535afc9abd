package com.tierupgrade.rules.engine;

import java.util.List;
import java.util.Optional;

import com.tierupgrade.decision.Decision;
import com.tierupgrade.decision.ManualDecision;
import com.tierupgrade.rules.fact.CutOff;

/**
 * What the rules see besides the customer's own facts: the customer's previous decision (to notice a movement, such
 * as a drift between quadrants, and to continue the policy of ladders.yaml: grace periods, steps), the population
 * cut-offs last computed, and the manual decisions stored for the customer (those expired at the evaluation time are
 * dropped by the engine).
 */
public record EvaluationContext(Optional<Decision> previous, List<CutOff> cutOffs, List<ManualDecision> manual) {

    public static final EvaluationContext NONE = new EvaluationContext(Optional.empty(), List.of());

    public EvaluationContext {
        cutOffs = List.copyOf(cutOffs);
        manual = List.copyOf(manual);
    }

    /** The previous decision's manual decisions stay in force. */
    public EvaluationContext(Optional<Decision> previous, List<CutOff> cutOffs) {
        this(previous, cutOffs, previous.map(Decision::manual).orElse(List.of()));
    }
}
