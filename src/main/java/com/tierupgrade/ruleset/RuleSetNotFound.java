package com.tierupgrade.ruleset;

public class RuleSetNotFound extends RuntimeException {

    public RuleSetNotFound(String version) {
        super("No rule set with version '" + version + "' was ever active; GET /rulesets lists them");
    }
}
