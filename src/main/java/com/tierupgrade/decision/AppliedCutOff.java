package com.tierupgrade.decision;

import java.time.Instant;

/** A population cut-off that a fired rule used: its value when computed, over how many customers, and the rule. */
public record AppliedCutOff(String name, String label, double value, long population, Instant computedAt,
        String rule) {
}
