package com.tierupgrade.decision;

/** A warning a rule raised, with the rule's name. */
public record RaisedWarning(String code, String dimension, String reason, String rule) {
}
