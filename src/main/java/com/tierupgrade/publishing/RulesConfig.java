package com.tierupgrade.publishing;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tierup.rules")
public interface RulesConfig {

    /** The folder whose rule files (*.drl and ladders.yaml) are compiled when the service starts. */
    @WithDefault("rules")
    String directory();

    /** Whether saved changes in the directory are picked up while the service runs. */
    @WithDefault("true")
    boolean watch();

    /**
     * How long checking a rule set (compiling it and running every scenario) may take before it is stopped and the
     * rule set refused: for the folder at start-up and on a change, and for drafts sent to validate or simulate.
     */
    @WithDefault("30s")
    Duration checkTimeout();

    /** How many drafts may be checked at once; more are answered 429. */
    @WithDefault("2")
    int draftChecks();
}
