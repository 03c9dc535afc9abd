package com.tierupgrade.rules;

import java.util.Map;

import org.kie.api.KieBase;

/**
 * One compiled, immutable rule set: the knowledge base shared by all evaluations, its ladders, the source files it
 * was built from and its version (a hash of those files).
 */
public record RuleSet(String version, KieBase kieBase, Ladders ladders, Map<String, String> files) {
}
