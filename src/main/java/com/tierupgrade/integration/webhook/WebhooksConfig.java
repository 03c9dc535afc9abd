package com.tierupgrade.integration.webhook;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How webhooks are delivered (docs/integration.md). */
@ConfigMapping(prefix = "tierup.webhooks")
public interface WebhooksConfig {

    /** Delivery threads of this instance; each sends one batch at a time. */
    @WithDefault("2")
    int workers();

    /** Deliveries one worker claims and sends at once. */
    @WithDefault("50")
    int batchSize();

    /** Tries before a delivery becomes a dead letter. */
    @WithDefault("10")
    int maxAttempts();

    /** The wait after the first failed try; each further failure doubles it. */
    @WithDefault("10s")
    Duration firstRetryAfter();

    /** The longest wait between two tries. */
    @WithDefault("1h")
    Duration maxRetryAfter();

    /** How long a receiver may take to answer before the try counts as failed. */
    @WithDefault("10s")
    Duration timeout();

    /** How often an idle worker looks for due deliveries. */
    @WithDefault("500ms")
    Duration pollInterval();
}
