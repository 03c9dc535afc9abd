package com.tierupgrade.decision;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The value of one dimension (a code of ladders.yaml) and why. When a policy or a person keeps another value than the
 * rules give, both are shown: {@code code} is the value in force, {@code rulesSay} what the rules concluded.
 *
 * @param reasons why {@code code} is in force: the rules' reasons, or what keeps it (grace period, override …)
 * @param action the operating move ladders.yaml declares for {@code code} (null when none)
 * @param rulesSay the value the rules concluded on their own (null: none)
 * @param rulesReasons the rules' reasons for {@code rulesSay}
 * @param keptBy why {@code code} differs from {@code rulesSay}; null when it does not
 * @param keptUntil until when the value is kept (grace period, step, expiry of an override), when known
 * @param policy what the dimension's policy remembers for the next evaluation; null for dimensions without policy
 */
public record DimensionValue(String code, List<String> reasons, @Schema(nullable = true) String action,
        @Schema(nullable = true) String rulesSay, List<String> rulesReasons, @Schema(nullable = true) KeptBy keptBy,
        @Schema(nullable = true) Instant keptUntil, @Schema(nullable = true) PolicyState policy) {

    public DimensionValue {
        reasons = List.copyOf(reasons);
        rulesReasons = rulesReasons == null ? List.of() : List.copyOf(rulesReasons);
    }

    /** A value exactly as the rules concluded it. */
    public DimensionValue(String code, List<String> reasons) {
        this(code, reasons, (String) null);
    }

    /** A value exactly as the rules concluded it, with its operating move. */
    public DimensionValue(String code, List<String> reasons, String action) {
        this(code, reasons, action, code, reasons, null, null, null);
    }

    /** A value as h12's policy and manual decisions keep it (no operating move). */
    public DimensionValue(String code, List<String> reasons, String rulesSay, List<String> rulesReasons, KeptBy keptBy,
            Instant keptUntil, PolicyState policy) {
        this(code, reasons, null, rulesSay, rulesReasons, keptBy, keptUntil, policy);
    }

    /** The same value with the operating move ladders.yaml declares for its code. */
    public DimensionValue withAction(String action) {
        return new DimensionValue(code, reasons, action, rulesSay, rulesReasons, keptBy, keptUntil, policy);
    }
}
