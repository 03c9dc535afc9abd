package com.tierupgrade.rules.fact;

import java.time.Instant;

/**
 * Given to the rules: a population-relative cut-off of {@code cutoffs.yaml} as last computed over all stored
 * customers, such as the spend that puts a customer in the top 10%.
 */
public class CutOff {

    private final String name;
    private final String label;
    private final double value;
    private final long population;
    private final Instant computedAt;

    public CutOff(String name, String label, double value, long population, Instant computedAt) {
        this.name = name;
        this.label = label;
        this.value = value;
        this.population = population;
        this.computedAt = computedAt;
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

    public long getPopulation() {
        return population;
    }

    public Instant getComputedAt() {
        return computedAt;
    }
}
