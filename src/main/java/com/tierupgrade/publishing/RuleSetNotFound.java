package com.tierupgrade.publishing;

import com.tierupgrade.web.NotFound;

public class RuleSetNotFound extends NotFound {

    public RuleSetNotFound(String version) {
        super("No rule set with version '" + version + "' was ever active; GET /rulesets lists them");
    }
}
