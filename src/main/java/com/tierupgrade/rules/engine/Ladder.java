package com.tierupgrade.rules.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The values of one dimension as declared in {@code ladders.yaml}. In an ordered dimension (stage, tier, relationship
 * level…) the values are listed lowest first and a change is an upgrade or a downgrade; in an unordered one (RFM
 * segment, lifecycle…) the list order only breaks ties when rules conclude several values, and a change is a change.
 * A multi-valued dimension (roles) gives the customer every value whose rule holds; each is gained or lost on its own.
 *
 * @param dimension the key in ladders.yaml, as rules name it ({@code stage}, {@code rfm})
 * @param name the display name of the dimension
 * @param warningActions the operating move for each warning code raised on this dimension
 * @param policy grace period, step-down and qualification window of an ordered single-valued dimension
 *        ({@link Policy#NONE} if none)
 */
public record Ladder(String dimension, String name, boolean ordered, boolean multiValued, List<Rung> rungs,
        Map<String, String> warningActions, Policy policy) {

    /**
     * One value of the dimension.
     *
     * @param action the short operating move for customers who enter this value (seed 001: 触发点、内容和权益), or null
     */
    public record Rung(String code, String name, @Schema(nullable = true) String action) {

        public Rung(String code, String name) {
            this(code, name, null);
        }
    }

    public Ladder {
        rungs = List.copyOf(rungs);
        warningActions = Map.copyOf(warningActions);
        policy = policy == null ? Policy.NONE : policy;
    }

    /** A dimension without policy. */
    public Ladder(String dimension, String name, boolean ordered, boolean multiValued, List<Rung> rungs,
            Map<String, String> warningActions) {
        this(dimension, name, ordered, multiValued, rungs, warningActions, Policy.NONE);
    }

    /** A single-valued dimension without actions. */
    public Ladder(String dimension, String name, boolean ordered, List<Rung> rungs) {
        this(dimension, name, ordered, false, rungs, Map.of(), Policy.NONE);
    }

    /** A single-valued dimension without warning actions, with a policy. */
    public Ladder(String dimension, String name, boolean ordered, List<Rung> rungs, Policy policy) {
        this(dimension, name, ordered, false, rungs, Map.of(), policy);
    }

    /** The operating move declared for the value, empty when none. */
    public Optional<String> action(String code) {
        return rungs.stream().filter(rung -> rung.code().equals(code)).map(Rung::action)
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** The operating move declared for a warning raised on this dimension, empty when none. */
    public Optional<String> warningAction(String warningCode) {
        return Optional.ofNullable(warningActions.get(warningCode));
    }

    /** The code at a position, null below the lowest. */
    public String codeAt(int rank) {
        return rank < 0 ? null : rungs.get(Math.min(rank, rungs.size() - 1)).code();
    }

    /** The display name of a code, the code itself when unknown, 无 for none. */
    public String label(String code) {
        return code == null ? "无" : displayName(code).orElse(code);
    }

    public boolean contains(String code) {
        return rank(code) >= 0;
    }

    /** Position of the code, lowest 0; -1 for null (no value) or an unknown code. */
    public int rank(String code) {
        for (int i = 0; i < rungs.size(); i++) {
            if (rungs.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<String> displayName(String code) {
        return rungs.stream().filter(rung -> rung.code().equals(code)).map(Rung::name).findFirst();
    }

    /** The code of a code or display name, empty when the dimension has no such value. */
    public Optional<String> codeOf(String codeOrName) {
        return rungs.stream().filter(rung -> rung.code().equals(codeOrName) || rung.name().equals(codeOrName))
                .map(Rung::code).findFirst();
    }
}
