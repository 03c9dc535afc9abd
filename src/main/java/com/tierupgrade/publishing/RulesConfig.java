package com.tierupgrade.publishing;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tierup.rules")
public interface RulesConfig {

    /** The rules folder: imported as a draft at start-up and whenever it changes (published unless told not to). */
    @WithDefault("rules")
    String directory();

    /** Whether saved changes in the directory are imported while the service runs. */
    @WithDefault("true")
    boolean watch();

    /** Whether an import of the rules folder is published at once (author rules-folder), or stops at the draft. */
    @WithDefault("true")
    boolean folderPublishes();

    /** Whether a draft needs the approval of a second editor before it can be published (four eyes). */
    @WithDefault("false")
    boolean fourEyes();

    /** How often an instance checks for a publication it did not hear of (LISTEN/NOTIFY is the fast way). */
    @WithDefault("5s")
    Duration checkEvery();

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
