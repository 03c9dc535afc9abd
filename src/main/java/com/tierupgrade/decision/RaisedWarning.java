package com.tierupgrade.decision;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A warning a rule raised, with the rule's name and the operating move ladders.yaml declares for it (or null). */
public record RaisedWarning(String code, String dimension, String reason, String rule,
        @Schema(nullable = true) String action) {

    public RaisedWarning(String code, String dimension, String reason, String rule) {
        this(code, dimension, reason, rule, null);
    }
}
