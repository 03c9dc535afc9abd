package com.tierupgrade.rules.fact;

/**
 * Written by a rule: the customer has this value of a dimension of {@code ladders.yaml}, and why. In an ordered
 * dimension the highest value reached is kept; a filter may still hold a tier back.
 */
public class Reached {

    private final String dimension;
    private final String code;
    private final String reason;

    public Reached(String dimension, String code, String reason) {
        this.dimension = dimension;
        this.code = code;
        this.reason = reason;
    }

    public String getDimension() {
        return dimension;
    }

    public String getCode() {
        return code;
    }

    public String getReason() {
        return reason;
    }
}
