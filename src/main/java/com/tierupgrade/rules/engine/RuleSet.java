package com.tierupgrade.rules.engine;

import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;

import com.tierupgrade.facts.EventTypes;

/**
 * One compiled, immutable rule set: the knowledge base shared by all evaluations, its dimensions, the event types
 * facts may carry, the population cut-offs its rules use, the source files it was built from, its version (a hash
 * of those files) and the sessions of its knowledge base that evaluations reuse ({@link SessionPool}). A session
 * therefore only ever evaluates for the rule set whose version the decision carries.
 */
public record RuleSet(String version, KieBase kieBase, Ladders ladders, EventTypes events,
        List<CutOffDefinition> cutOffs, Map<String, String> files, SessionPool sessions) {

    public RuleSet {
        cutOffs = List.copyOf(cutOffs);
    }

    public RuleSet(String version, KieBase kieBase, Ladders ladders, EventTypes events,
            List<CutOffDefinition> cutOffs, Map<String, String> files) {
        this(version, kieBase, ladders, events, cutOffs, files, new SessionPool(kieBase));
    }
}
