package com.tierupgrade.rules.engine;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What one evaluation may spend (docs/rule-changes.md#budget): live posts, dry runs, re-evaluations, simulations and
 * scenario runs alike. Rules past either limit are stopped and the evaluation answers which rule did it.
 */
@ConfigMapping(prefix = "tierup.evaluation")
public interface EvaluationLimits {

    /** Wall-clock time one evaluation may take; the shipped rules need about a millisecond once warm. */
    @WithDefault("10s")
    Duration timeout();

    /** Rule firings one evaluation may make; the shipped rules make a few dozen, a rule that loops makes more. */
    @WithDefault("10000")
    int maxFirings();
}
