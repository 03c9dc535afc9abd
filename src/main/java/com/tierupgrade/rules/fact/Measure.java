package com.tierupgrade.rules.fact;

/**
 * Written by a rule: a value it computed that the decision shows, such as the R, F and M of an RFM segment.
 *
 * @param name a stable key ({@code recencyDays})
 * @param label what people read ({@code 距上次购买天数})
 * @param unit 天, 次, 元 … or empty
 */
public class Measure {

    private final String name;
    private final String label;
    private final double value;
    private final String unit;

    public Measure(String name, String label, double value, String unit) {
        this.name = name;
        this.label = label;
        this.value = value;
        this.unit = unit;
    }

    public String getName() {
        return name;
    }

    public String getLabel() {
        return label;
    }

    public double getValue() {
        return value;
    }

    public String getUnit() {
        return unit;
    }
}
