package com.tierupgrade.rules.fact;

/** Written by a rule: the condition of this stickiness tier holds, and why. A filter may still hold it back. */
public class TierReached {

    private final String code;
    private final String reason;

    public TierReached(String code, String reason) {
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
