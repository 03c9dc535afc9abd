package com.tierupgrade.history;

import com.tierupgrade.decision.ManualDecision;
import com.tierupgrade.decision.ManualKind;

/**
 * A person's manual action to record with the evaluation it caused: a floor, pin or hold set (kind OVERRIDE or
 * HOLD, {@code decision} the one set), or released (kind RELEASE, {@code decision} the one released, {@code author}
 * and {@code reason} those of the release).
 */
public record ManualEntry(Kind kind, ManualDecision decision, String author, String reason) {

    public static ManualEntry set(ManualDecision decision) {
        return new ManualEntry(decision.kind() == ManualKind.HOLD ? Kind.HOLD : Kind.OVERRIDE, decision, decision.author(),
                decision.reason());
    }

    public static ManualEntry release(ManualDecision decision, String author, String reason) {
        return new ManualEntry(Kind.RELEASE, decision, author, reason);
    }
}
