package com.tierupgrade.rules.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.tierupgrade.decision.DimensionValue;
import com.tierupgrade.decision.KeptBy;
import com.tierupgrade.decision.ManualDecision;
import com.tierupgrade.decision.ManualKind;
import com.tierupgrade.decision.PolicyState;

/**
 * Turns what the rules concluded for one dimension into the value in force: first the dimension's policy of
 * ladders.yaml (qualification window, grace period, one step down at a time), continued from the state stored with the
 * previous decision, then the manual decisions in force (a hold caps an upgrade, a floor raises, a pin fixes). Knows
 * no dimension or value by name: everything follows the ladder's order and its policy.
 */
final class DimensionPolicy {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private DimensionPolicy() {
    }

    /**
     * @param reached the values the rules reached (filters applied) with their reasons
     * @param previous the dimension's value in the previous decision (in force or withheld), null if none
     * @param manual the manual decisions in force on this dimension
     * @return the dimension's value (its code null when the rules give one that is not in force), empty when there is
     *         nothing to show or remember
     */
    static Optional<DimensionValue> apply(Ladder ladder, Map<String, List<String>> reached, DimensionValue previous,
            List<ManualDecision> manual, Instant asOf) {
        String rulesSay = highest(ladder, reached.keySet().stream().toList());
        List<String> rulesReasons = rulesSay == null ? List.of() : distinct(reached.get(rulesSay));
        String previousValue = previous == null ? null
                : previous.policy() != null ? previous.policy().value() : previous.code();

        // A hold caps the rules below the value held, unless the customer already has it.
        Optional<ManualDecision> hold = manual.stream().filter(m -> m.kind() == ManualKind.HOLD).findFirst();
        String capped = rulesSay;
        if (hold.isPresent() && ladder.rank(previousValue) < ladder.rank(hold.get().value())
                && ladder.rank(rulesSay) >= ladder.rank(hold.get().value())) {
            capped = highest(ladder, reached.keySet().stream()
                    .filter(code -> ladder.rank(code) < ladder.rank(hold.get().value())).toList());
        }

        Step step = policy(ladder, capped, reached, previousValue, previous == null ? null : previous.policy(), asOf);
        String code = step.code();
        List<String> reasons = new ArrayList<>(step.reasons());
        KeptBy keptBy = step.keptBy();
        Instant keptUntil = step.keptUntil();
        if (hold.isPresent() && !Objects.equals(capped, rulesSay) && ladder.rank(code) < ladder.rank(rulesSay)) {
            ManualDecision held = hold.get();
            reasons.add(0, "「" + ladder.label(held.value()) + "」及以上被 " + held.author() + " 人工暂缓:"
                    + held.reason() + until(held.expiresAt()));
            keptBy = KeptBy.HOLD;
            keptUntil = held.expiresAt();
        }
        for (ManualDecision override : manual) {
            boolean raises = override.kind() == ManualKind.FLOOR && ladder.rank(code) < ladder.rank(override.value());
            if (raises || override.kind() == ManualKind.PIN) {
                code = override.value();
                keptBy = override.kind() == ManualKind.PIN ? KeptBy.PIN : KeptBy.FLOOR;
                keptUntil = override.expiresAt();
                reasons = new ArrayList<>(List.of((override.kind() == ManualKind.PIN ? "按 " + override.author()
                        + " 的人工决定固定为「" : "按 " + override.author() + " 的人工决定至少为「")
                        + ladder.label(override.value()) + "」" + until(override.expiresAt()) + ":"
                        + override.reason()));
                if (ladder.rank(code) != ladder.rank(rulesSay)) {
                    reasons.add("规则给出的是「" + ladder.label(rulesSay) + "」");
                }
            }
        }
        if (Objects.equals(code, rulesSay)) {
            keptBy = null;
            keptUntil = null;
            reasons = new ArrayList<>(rulesReasons);
        }
        PolicyState state = ladder.policy().isNone() ? null : step.state();
        if (code == null && rulesSay == null && (state == null || state.pendingSince() == null)) {
            return Optional.empty();
        }
        return Optional.of(new DimensionValue(code, reasons, rulesSay, rulesReasons, keptBy, keptUntil, state));
    }

    /** The value after the policy, before manual decisions, with what to remember for the next evaluation. */
    private record Step(String code, List<String> reasons, KeptBy keptBy, Instant keptUntil, PolicyState state) {
    }

    private static Step policy(Ladder ladder, String rules, Map<String, List<String>> reached, String previous,
            PolicyState state, Instant asOf) {
        Policy policy = ladder.policy();
        List<String> rulesReasons = rules == null ? List.of() : distinct(reached.get(rules));
        int from = ladder.rank(previous);
        int to = ladder.rank(rules);
        if (to > from && policy.qualificationDays() > 0) {
            Instant since = state != null && state.pendingSince() != null ? state.pendingSince() : asOf;
            Instant due = since.plus(Duration.ofDays(policy.qualificationDays()));
            if (asOf.isBefore(due)) {
                List<String> reasons = new ArrayList<>();
                reasons.add("规则得出「" + ladder.label(rules) + "」,需持续满足 " + policy.qualificationDays()
                        + " 天(自 " + DAY.format(since) + " 起)," + DAY.format(due) + " 起才生效");
                reasons.addAll(previous == null ? List.of() : distinct(reached.getOrDefault(previous, List.of())));
                return new Step(previous, reasons, KeptBy.QUALIFICATION, due,
                        new PolicyState(previous, null, null, since));
            }
        }
        if (to >= from) {
            return new Step(rules, rulesReasons, null, null, new PolicyState(rules, null, null, null));
        }
        // The rules give less than the value reached: grace period, then one rung per step period.
        Instant lostSince = state != null && state.lostSince() != null ? state.lostSince() : asOf;
        Instant graceEnd = lostSince.plus(Duration.ofDays(policy.graceDays()));
        String lost = "规则自 " + DAY.format(lostSince) + " 起不再给出「" + ladder.label(previous) + "」(现为「"
                + ladder.label(rules) + "」)";
        if (asOf.isBefore(graceEnd)) {
            return new Step(previous, List.of(lost + ",按宽限期保留至 " + DAY.format(graceEnd)), KeptBy.GRACE,
                    graceEnd, new PolicyState(previous, lostSince, null, null));
        }
        List<String> reasons = new ArrayList<>();
        if (policy.graceDays() > 0) {
            reasons.add(lost + ",宽限期 " + policy.graceDays() + " 天已于 " + DAY.format(graceEnd) + " 结束");
        }
        if (policy.stepDownEveryDays() == 0) {
            reasons.addAll(rulesReasons);
            return new Step(rules, reasons, null, null, new PolicyState(rules, null, null, null));
        }
        Instant lastStep = state == null ? null : state.lastStepAt();
        if (lastStep != null && asOf.isBefore(lastStep.plus(Duration.ofDays(policy.stepDownEveryDays())))) {
            Instant next = lastStep.plus(Duration.ofDays(policy.stepDownEveryDays()));
            reasons.add("一次只降一级,「" + ladder.label(previous) + "」保留至 " + DAY.format(next));
            return new Step(previous, reasons, KeptBy.STEP, next, new PolicyState(previous, lostSince, lastStep, null));
        }
        String lower = ladder.codeAt(Math.max(to, from - 1));
        if (ladder.rank(lower) == to) {
            reasons.addAll(rulesReasons);
            return new Step(rules, reasons, null, null, new PolicyState(rules, null, null, null));
        }
        Instant next = asOf.plus(Duration.ofDays(policy.stepDownEveryDays()));
        reasons.add("一次只降一级:由「" + ladder.label(previous) + "」降到「" + ladder.label(lower) + "」,下一级不早于 "
                + DAY.format(next));
        return new Step(lower, reasons, KeptBy.STEP, next, new PolicyState(lower, lostSince, asOf, null));
    }

    /** The value listed last in ladders.yaml among those given: the highest of an ordered dimension. */
    static String highest(Ladder ladder, List<String> codes) {
        String best = null;
        for (String code : codes) {
            if (ladder.rank(code) > ladder.rank(best)) {
                best = code;
            }
        }
        return best;
    }

    private static List<String> distinct(List<String> reasons) {
        return reasons == null ? List.of() : reasons.stream().distinct().toList();
    }

    private static String until(Instant expiresAt) {
        return expiresAt == null ? "" : "(至 " + DAY.format(expiresAt) + ")";
    }
}
