package com.tierupgrade.manual;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.tierupgrade.decision.ManualDecision;
import com.tierupgrade.decision.ManualKind;
import com.tierupgrade.rules.engine.Ladder;
import com.tierupgrade.rules.engine.Ladders;
import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.Text;

/**
 * Checks a manual decision against the active dimensions: a declared dimension and value, a floor or hold only on an
 * ordered dimension, a reason, an expiry in the future (required for a floor or pin). Every problem is named at once.
 */
final class ManualDecisionValidator {

    static final int MAX_REASON = 500;

    private ManualDecisionValidator() {
    }

    static ManualDecision validate(ManualDecisionRequest request, Ladders ladders, String author, Instant now) {
        if (request == null) {
            throw new InvalidManualDecision(List.of(new FieldProblem("body",
                    "a JSON object with dimension, kind, value, reason and expiresAt is required")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Ladder> ladder = dimension(request.dimension(), ladders, problems);
        ManualKind kind = kind(request.kind(), problems);
        String value = null;
        if (request.value() == null || request.value().isBlank()) {
            problems.add(new FieldProblem("value", "is required: a value of the dimension"));
        } else if (ladder.isPresent()) {
            value = ladder.get().codeOf(request.value()).orElse(null);
            if (value == null) {
                problems.add(new FieldProblem("value", "'" + request.value() + "' is not a value of '"
                        + ladder.get().dimension() + "'; the values are " + String.join(", ",
                                ladder.get().rungs().stream().map(Ladder.Rung::code).toList())));
            }
        }
        if (ladder.isPresent() && ladder.get().multiValued()) {
            problems.add(new FieldProblem("dimension", "'" + ladder.get().dimension() + "' is multi-valued (roles): "
                    + "each role is gained or lost by its rule; floors, pins and holds apply to single-valued "
                    + "dimensions only"));
        } else if (ladder.isPresent() && kind != null && kind != ManualKind.PIN && !ladder.get().ordered()) {
            problems.add(new FieldProblem("kind", kind + " needs an ordered dimension; '"
                    + ladder.get().dimension() + "' is unordered (only PIN applies to it)"));
        }
        String reason = reason(request.reason(), problems);
        Instant expiresAt = null;
        if (request.expiresAt() == null || request.expiresAt().isBlank()) {
            if (kind == ManualKind.FLOOR || kind == ManualKind.PIN) {
                problems.add(new FieldProblem("expiresAt", "is required for a " + kind
                        + ": a time in the future such as 2027-06-30T00:00:00+08:00"));
            }
        } else {
            expiresAt = time(request.expiresAt(), problems);
            if (expiresAt != null && !expiresAt.isAfter(now)) {
                problems.add(new FieldProblem("expiresAt", "must be in the future"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidManualDecision(problems);
        }
        return new ManualDecision(ladder.get().dimension(), kind, value, reason, author, now, expiresAt);
    }

    /** The dimension and the kind released (FLOOR and PIN both name the dimension's floor or pin); the reason. */
    record Release(String dimension, ManualKind kind, String reason) {
    }

    static Release validate(ReleaseRequest request, Ladders ladders) {
        if (request == null) {
            throw new InvalidManualDecision(List.of(new FieldProblem("body",
                    "a JSON object with dimension, kind and reason is required")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Ladder> ladder = dimension(request.dimension(), ladders, problems);
        ManualKind kind = kind(request.kind(), problems);
        String reason = reason(request.reason(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidManualDecision(problems);
        }
        return new Release(ladder.get().dimension(), kind, reason);
    }

    private static Optional<Ladder> dimension(String dimension, Ladders ladders, List<FieldProblem> problems) {
        if (dimension == null || dimension.isBlank()) {
            problems.add(new FieldProblem("dimension", "is required: one of "
                    + String.join(", ", ladders.byDimension().keySet())));
            return Optional.empty();
        }
        Optional<Ladder> ladder = ladders.of(dimension);
        if (ladder.isEmpty()) {
            problems.add(new FieldProblem("dimension", "unknown dimension; the dimensions are "
                    + String.join(", ", ladders.byDimension().keySet())));
        }
        return ladder;
    }

    private static ManualKind kind(String kind, List<FieldProblem> problems) {
        String names = String.join(", ", Arrays.stream(ManualKind.values()).map(Enum::name).toList());
        if (kind == null || kind.isBlank()) {
            problems.add(new FieldProblem("kind", "is required: one of " + names));
            return null;
        }
        try {
            return ManualKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("kind", "must be one of " + names));
            return null;
        }
    }

    private static String reason(String reason, List<FieldProblem> problems) {
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "is required: say why, it is kept in the history"));
            return null;
        }
        if (reason.length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "must be at most " + MAX_REASON + " characters"));
        }
        Text.problem(reason).ifPresent(problem -> problems.add(new FieldProblem("reason", problem)));
        return reason.strip();
    }

    private static Instant time(String text, List<FieldProblem> problems) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("expiresAt", "must be ISO-8601 with an offset, such as "
                    + "2027-06-30T00:00:00+08:00"));
            return null;
        }
    }
}
