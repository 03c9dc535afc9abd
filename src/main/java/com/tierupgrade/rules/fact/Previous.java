package com.tierupgrade.rules.fact;

/** Given to the rules: the value a dimension had at the customer's previous evaluation, to notice a movement. */
public class Previous {

    private final String dimension;
    private final String code;
    private final String name;

    public Previous(String dimension, String code, String name) {
        this.dimension = dimension;
        this.code = code;
        this.name = name;
    }

    public String getDimension() {
        return dimension;
    }

    public String getCode() {
        return code;
    }

    /** The display name of the value in ladders.yaml. */
    public String getName() {
        return name;
    }
}
