package com.tierupgrade.cluster;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How instances share work and show themselves (docs/scaling.md). */
@ConfigMapping(prefix = "tierup.cluster")
public interface ClusterConfig {

    /** This instance's name in the instance list and in a batch's claimed_by; host name and process id if unset. */
    Optional<String> instanceId();

    /** How often an instance says it is alive; one missing three of these is no longer listed. */
    @WithDefault("5s")
    Duration heartbeat();

    /** How long a claimed batch is the claimer's; after it, another instance takes the batch over. */
    @WithDefault("60s")
    Duration lease();

    /** How often an idle instance looks for a batch to claim. */
    @WithDefault("1s")
    Duration poll();
}
