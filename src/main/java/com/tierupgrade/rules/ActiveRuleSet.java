package com.tierupgrade.rules;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

/**
 * The rule set every evaluation uses: compiled once from the rules directory at start-up and shared by all
 * requests. Rules that do not compile stop the start-up with the file, line and message of each problem.
 */
@Startup
@ApplicationScoped
public class ActiveRuleSet {

    private static final Logger LOG = Logger.getLogger(ActiveRuleSet.class);

    private volatile RuleSet current;

    ActiveRuleSet(RulesConfig config) {
        Path directory = Path.of(config.directory());
        current = new RuleSetCompiler().compile(directory);
        LOG.infof("Rule set %s active: %d files from %s", current.version(), current.files().size(),
                directory.toAbsolutePath());
    }

    public RuleSet current() {
        return current;
    }
}
