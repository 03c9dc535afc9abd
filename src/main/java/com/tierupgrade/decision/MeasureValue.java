package com.tierupgrade.decision;

/** A value a rule computed and the decision shows, such as recency in days. */
public record MeasureValue(String name, String label, double value, String unit) {
}
