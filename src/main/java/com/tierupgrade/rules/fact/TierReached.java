package com.tierupgrade.rules.fact;

/** Written by a rule: the condition of this stickiness tier holds, and why. A filter may still hold it back. */
public class TierReached extends Reached {

    public TierReached(String code, String reason) {
        super("tier", code, reason);
    }
}
