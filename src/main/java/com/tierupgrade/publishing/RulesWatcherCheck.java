package com.tierupgrade.publishing;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready when saved rule changes can no longer take effect or a rule check burns a core: the folder watcher has
 * ended, a reload runs far past the check timeout, or a check that ran over could not be stopped.
 */
@Readiness
@ApplicationScoped
public class RulesWatcherCheck implements HealthCheck {

    static final String NAME = "Rules folder watcher";
    /** A reload checks once (within the timeout, plus the grace to stop it) and then stores and swaps. */
    private static final Duration SLACK = Duration.ofSeconds(15);

    private final RuleSetActivation activation;
    private final RulesFolder folder;
    private final RulesConfig config;

    RulesWatcherCheck(RuleSetActivation activation, RulesFolder folder, RulesConfig config) {
        this.activation = activation;
        this.folder = folder;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named(NAME).up();
        int overrunning = activation.overrunningChecks();
        if (overrunning > 0) {
            answer.down().withData("reason", overrunning + " rule check(s) ran over their time and could not be "
                    + "stopped");
        }
        DirectoryWatcher watcher = folder.watcher().orElse(null);
        if (watcher == null) {
            return answer.withData("watching", false).build();
        }
        Duration busy = watcher.busyFor();
        if (!watcher.alive()) {
            answer.down().withData("reason", "the watcher has stopped: saved changes are no longer picked up");
        } else if (busy.compareTo(config.checkTimeout().plus(SLACK)) > 0) {
            answer.down().withData("reason", "a reload has been running for " + busy.toSeconds() + " s");
        }
        return answer.withData("watching", true).withData("reloadRunningForMs", busy.toMillis()).build();
    }
}
