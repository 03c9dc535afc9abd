package com.tierupgrade.publishing;

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
}
