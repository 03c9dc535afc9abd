package com.tierupgrade.rules.fact;

/** Written by a rule: the customer has reached this journey stage, and why. */
public class StageReached extends Reached {

    public StageReached(String code, String reason) {
        super("stage", code, reason);
    }
}
