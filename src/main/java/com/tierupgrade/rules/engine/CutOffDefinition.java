package com.tierupgrade.rules.engine;

/**
 * One population-relative cut-off of {@code cutoffs.yaml}: the value that puts a customer in the top
 * {@code topPercent}% of all stored customers by a measure of their events in a window.
 *
 * @param name how rules refer to it ({@code CutOff( name == "superUserSpend" )})
 * @param label what people read (消费前10%)
 * @param eventType the events measured (PURCHASE)
 * @param measure {@link Measure#COUNT} counts the events, {@link Measure#AMOUNT} sums their amount
 * @param windowDays only events less than this many days old count
 */
public record CutOffDefinition(String name, String label, String eventType, Measure measure, int windowDays,
        double topPercent) {

    public enum Measure {
        COUNT, AMOUNT
    }
}
