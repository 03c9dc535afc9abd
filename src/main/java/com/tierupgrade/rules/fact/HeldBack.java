package com.tierupgrade.rules.fact;

/** Written by a filter rule: this tier must not be given although its condition holds, and why. */
public class HeldBack {

    private final String tier;
    private final String reason;

    public HeldBack(String tier, String reason) {
        this.tier = tier;
        this.reason = reason;
    }

    public String getTier() {
        return tier;
    }

    public String getReason() {
        return reason;
    }
}
