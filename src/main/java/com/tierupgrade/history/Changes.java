package com.tierupgrade.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.tierupgrade.decision.Decision;
import com.tierupgrade.decision.Dimension;
import com.tierupgrade.decision.HeldBackTier;
import com.tierupgrade.rules.Ladder;
import com.tierupgrade.rules.Ladders;

/**
 * Compares the stored decision with a new one: each dimension that changed value, and each hold that started or
 * changed its reason. Upgrade or downgrade follows the order of the rule set's ladders.
 */
final class Changes {

    private Changes() {
    }

    static List<Change> between(Optional<Decision> previous, Decision next, Ladders ladders) {
        List<Change> changes = new ArrayList<>();
        for (Dimension dimension : Dimension.values()) {
            valueChange(dimension, previous, next, ladders.of(dimension)).ifPresent(changes::add);
        }
        for (HeldBackTier hold : next.heldBack()) {
            boolean alreadyHeld = previous.map(decision -> decision.heldBack().stream()
                    .anyMatch(old -> old.tier().equals(hold.tier()) && old.reason().equals(hold.reason())))
                    .orElse(false);
            if (!alreadyHeld) {
                changes.add(new Change(Dimension.TIER, Kind.HELD_BACK, next.tier(), hold.tier(),
                        List.of(hold.reason()), hold.rule()));
            }
        }
        return changes;
    }

    private static Optional<Change> valueChange(Dimension dimension, Optional<Decision> previous, Decision next,
            Ladder ladder) {
        String to = next.valueOf(dimension);
        if (previous.isEmpty()) {
            return to == null ? Optional.empty()
                    : Optional.of(new Change(dimension, Kind.INITIAL, null, to, next.reasonsFor(dimension), null));
        }
        String from = previous.get().valueOf(dimension);
        if (Objects.equals(from, to)) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        Kind kind = ladder.rank(to) > ladder.rank(from) ? Kind.UPGRADE : Kind.DOWNGRADE;
        if (kind == Kind.DOWNGRADE) {
            reasons.add("不再满足「" + ladder.displayName(from).orElse(from) + "」的条件");
            next.heldBack().stream().filter(hold -> hold.tier().equals(from))
                    .forEach(hold -> reasons.add(hold.reason()));
        } else if (dimension == Dimension.TIER) {
            previous.get().heldBack().stream().filter(hold -> hold.tier().equals(to))
                    .forEach(hold -> reasons.add("此前的暂缓原因已解除:" + hold.reason()));
        }
        reasons.addAll(next.reasonsFor(dimension));
        return Optional.of(new Change(dimension, kind, from, to, reasons, null));
    }
}
