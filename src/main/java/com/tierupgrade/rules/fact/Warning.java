package com.tierupgrade.rules.fact;

/** Written by a rule: something marketers and auditors must look at, such as a drift toward 低频低价. */
public class Warning {

    private final String code;
    private final String dimension;
    private final String reason;

    public Warning(String code, String dimension, String reason) {
        this.code = code;
        this.dimension = dimension;
        this.reason = reason;
    }

    public String getCode() {
        return code;
    }

    public String getDimension() {
        return dimension;
    }

    public String getReason() {
        return reason;
    }
}
