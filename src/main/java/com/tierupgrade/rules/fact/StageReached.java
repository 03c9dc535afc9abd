package com.tierupgrade.rules.fact;

/** Written by a rule: the customer has reached this journey stage, and why. */
public class StageReached {

    private final String code;
    private final String reason;

    public StageReached(String code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public String getCode() {
        return code;
    }

    public String getReason() {
        return reason;
    }
}
