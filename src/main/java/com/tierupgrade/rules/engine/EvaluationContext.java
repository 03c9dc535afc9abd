package com.tierupgrade.rules.engine;

import java.util.List;
import java.util.Optional;

import com.tierupgrade.decision.Decision;
import com.tierupgrade.rules.fact.CutOff;

/**
 * What the rules see besides the customer's own facts: the customer's previous decision (to notice a movement, such
 * as a drift between quadrants) and the population cut-offs last computed.
 */
public record EvaluationContext(Optional<Decision> previous, List<CutOff> cutOffs) {

    public static final EvaluationContext NONE = new EvaluationContext(Optional.empty(), List.of());

    public EvaluationContext {
        cutOffs = List.copyOf(cutOffs);
    }
}
