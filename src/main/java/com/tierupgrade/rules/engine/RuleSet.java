package com.tierupgrade.rules.engine;

import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;

import com.tierupgrade.facts.EventTypes;

/**
 * One compiled, immutable rule set: the knowledge base shared by all evaluations, its dimensions, the event types
 * facts may carry, the population cut-offs its rules use, the source files it was built from and its version (a hash
 * of those files).
 */
public record RuleSet(String version, KieBase kieBase, Ladders ladders, EventTypes events,
        List<CutOffDefinition> cutOffs, Map<String, String> files) {

    public RuleSet {
        cutOffs = List.copyOf(cutOffs);
    }
}
