package com.tierupgrade.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.tierupgrade.decision.Decision;
import com.tierupgrade.decision.HeldBackTier;
import com.tierupgrade.decision.ManualDecision;
import com.tierupgrade.decision.RaisedWarning;
import com.tierupgrade.rules.engine.Ladder;
import com.tierupgrade.rules.engine.Ladders;

/**
 * Compares the stored decision with a new one: each dimension that changed value, each hold that started or changed
 * its reason, and each warning raised. Upgrade or downgrade follows the order of an ordered dimension's ladder.
 */
final class Changes {

    private Changes() {
    }

    static List<Change> between(Optional<Decision> previous, Decision next, Ladders ladders,
            List<ManualEntry> manual) {
        List<Change> changes = new ArrayList<>();
        for (ManualEntry entry : manual) {
            changes.add(manualChange(entry, previous, ladders));
        }
        // A manual decision that was in force and is no longer, without a person releasing it, has expired.
        previous.ifPresent(before -> before.manual().stream()
                .filter(old -> !next.manual().contains(old) && old.expiredAt(next.asOf()))
                .filter(old -> manual.stream().noneMatch(entry -> entry.decision().equals(old)))
                .forEach(old -> changes.add(new Change(old.dimension(), Kind.RELEASE, old.value(), null,
                        List.of(describe(old, ladders) + " 已于 " + old.expiresAt() + " 到期"), null, null, null,
                        old.kind().name(), old.expiresAt()))));
        for (Ladder ladder : ladders.all()) {
            if (ladder.multiValued()) {
                changes.addAll(roleChanges(ladder, previous, next));
            } else {
                valueChange(ladder, previous, next).ifPresent(changes::add);
            }
        }
        for (HeldBackTier hold : next.heldBack()) {
            boolean alreadyHeld = previous.map(decision -> decision.heldBack().stream()
                    .anyMatch(old -> old.tier().equals(hold.tier()) && old.reason().equals(hold.reason())))
                    .orElse(false);
            if (!alreadyHeld) {
                changes.add(new Change(Ladders.TIER, Kind.HELD_BACK, next.tier(), hold.tier(),
                        List.of(hold.reason()), hold.rule(), null));
            }
        }
        for (RaisedWarning warning : next.warnings()) {
            String from = previous.map(decision -> decision.valueOf(warning.dimension())).orElse(null);
            changes.add(new Change(warning.dimension(), Kind.WARNING, from, next.valueOf(warning.dimension()),
                    List.of(warning.reason()), warning.rule(), warning.code()));
        }
        return changes;
    }

    /** Each role gained (with its reasons) and each role lost, in the order of ladders.yaml. */
    private static List<Change> roleChanges(Ladder ladder, Optional<Decision> previous, Decision next) {
        String dimension = ladder.dimension();
        List<String> before = previous.map(decision -> decision.rolesOf(dimension)).orElse(List.of());
        List<String> now = next.rolesOf(dimension);
        List<Change> changes = new ArrayList<>();
        for (Ladder.Rung rung : ladder.rungs()) {
            String code = rung.code();
            if (now.contains(code) && !before.contains(code)) {
                List<String> reasons = next.roles().get(dimension).stream().filter(value -> value.code().equals(code))
                        .findFirst().map(value -> value.reasons()).orElse(List.of());
                changes.add(new Change(dimension, Kind.GAINED, null, code, reasons, null, null));
            } else if (before.contains(code) && !now.contains(code)) {
                changes.add(new Change(dimension, Kind.LOST, code, null,
                        List.of("不再满足「" + rung.name() + "」的条件"), null, null));
            }
        }
        return changes;
    }

    private static Change manualChange(ManualEntry entry, Optional<Decision> previous, Ladders ladders) {
        ManualDecision decision = entry.decision();
        List<String> reasons = new ArrayList<>();
        reasons.add(entry.reason());
        reasons.add(entry.kind() == Kind.RELEASE ? "解除:" + describe(decision, ladders) : describe(decision, ladders));
        String current = previous.map(before -> before.valueOf(decision.dimension())).orElse(null);
        return new Change(decision.dimension(), entry.kind(), current, decision.value(), reasons, null, null,
                entry.author(), decision.kind().name(), entry.kind() == Kind.RELEASE ? null : decision.expiresAt());
    }

    /** 下限「铁杆粉丝」/ 固定为「…」/ 暂缓升级到「分销用户」, by the author. */
    static String describe(ManualDecision decision, Ladders ladders) {
        String value = ladders.of(decision.dimension()).map(ladder -> ladder.label(decision.value()))
                .orElse(decision.value());
        String what = switch (decision.kind()) {
            case FLOOR -> "人工下限「" + value + "」";
            case PIN -> "人工固定为「" + value + "」";
            case HOLD -> "人工暂缓升级到「" + value + "」";
        };
        return what + "(" + decision.author() + " 设定)";
    }

    private static Optional<Change> valueChange(Ladder ladder, Optional<Decision> previous, Decision next) {
        String dimension = ladder.dimension();
        String to = next.valueOf(dimension);
        if (previous.isEmpty()) {
            return to == null ? Optional.empty()
                    : Optional.of(new Change(dimension, Kind.INITIAL, null, to, next.reasonsFor(dimension), null,
                            null));
        }
        String from = previous.get().valueOf(dimension);
        if (Objects.equals(from, to)) {
            return Optional.empty();
        }
        Kind kind = !ladder.ordered() ? Kind.CHANGE
                : ladder.rank(to) > ladder.rank(from) ? Kind.UPGRADE : Kind.DOWNGRADE;
        List<String> reasons = new ArrayList<>();
        if (from != null && (kind == Kind.DOWNGRADE || to == null)) {
            // A tier left because a filter now holds it back still meets its condition: say it is held, not lost.
            List<String> holds = !dimension.equals(Ladders.TIER) ? List.of() : next.heldBack().stream()
                    .filter(hold -> hold.tier().equals(from)).map(hold -> hold.reason()).toList();
            String fromName = ladder.displayName(from).orElse(from);
            reasons.add(holds.isEmpty() ? "不再满足「" + fromName + "」的条件" : "「" + fromName + "」的条件仍成立,但被暂缓");
            reasons.addAll(holds);
        } else if (kind == Kind.UPGRADE && dimension.equals(Ladders.TIER)) {
            previous.get().heldBack().stream().filter(hold -> hold.tier().equals(to))
                    .forEach(hold -> reasons.add("此前的暂缓原因已解除:" + hold.reason()));
        }
        reasons.addAll(next.reasonsFor(dimension));
        return Optional.of(new Change(dimension, kind, from, to, reasons, null, null));
    }
}
