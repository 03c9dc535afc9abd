package com.tierupgrade.reevaluation;

/**
 * What a rule-set change would do to the holders of one value of an ordered dimension, counted before anything is
 * applied.
 *
 * @param holders customers who have the value under the active rules
 * @param downgraded how many of them the new rules would put lower (or give no value)
 * @param share downgraded / holders
 * @param overThreshold whether the share is above the configured limit
 */
public record WhatIf(String dimension, String value, String valueName, long holders, long downgraded, double share,
        boolean overThreshold) {
}
