package com.tierupgrade.publishing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When a rule-set change waits for a person before stored customers are re-evaluated (docs/rule-changes.md). */
@ConfigMapping(prefix = "tierup.bulk")
public interface BulkConfig {

    /**
     * The largest share (0–1) of one value's holders a change may move down without a person confirming it; 1
     * never asks.
     */
    @WithDefault("0.2")
    double maxDowngradeShare();

    /** Values held by fewer customers than this never ask (a share of a handful says little). */
    @WithDefault("10")
    int minHolders();
}
