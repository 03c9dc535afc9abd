package com.tierupgrade.history.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.tierupgrade.facts.CustomerIds;
import com.tierupgrade.facts.FactsValidator;
import com.tierupgrade.history.Cause;
import com.tierupgrade.history.Kind;
import com.tierupgrade.rules.engine.Ladder;
import com.tierupgrade.rules.engine.Ladders;
import com.tierupgrade.web.FieldProblem;

/**
 * Reads the query parameters of {@code GET /history}. Every problem is collected and reported at once, each naming
 * its parameter; an unknown parameter is a problem too, so a misspelt filter never silently widens an audit query.
 */
public final class HistoryQueryParser {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    /** The parameters, in the order the docs list them. Only {@code customer} may be repeated. */
    public static final List<String> PARAMETERS = List.of("customer", "dimension", "kind", "from", "to", "rule",
            "rulesetVersion", "cause", "author", "reason", "since", "until", "after", "limit");

    private static final int MAX_CUSTOMERS = 100;
    private static final int MAX_TEXT = 200;

    private HistoryQueryParser() {
    }

    /** @param ladders the dimensions of the active rule set: dimension and value codes are checked against them */
    public static HistoryQuery parse(Map<String, List<String>> parameters, Ladders ladders) {
        List<FieldProblem> problems = new ArrayList<>();
        parameters.forEach((name, values) -> {
            if (!PARAMETERS.contains(name)) {
                problems.add(new FieldProblem(name, "unknown parameter; the parameters are "
                        + String.join(", ", PARAMETERS)));
            } else if (!name.equals("customer") && values.size() > 1) {
                problems.add(new FieldProblem(name, "must be given at most once"));
            }
        });
        Reader reader = new Reader(parameters, problems);

        List<String> customers = parameters.getOrDefault("customer", List.of());
        if (customers.size() > MAX_CUSTOMERS) {
            problems.add(new FieldProblem("customer", "at most " + MAX_CUSTOMERS + " customers per query"));
        }
        customers.stream().map(CustomerIds::problem).flatMap(Optional::stream).findFirst()
                .ifPresent(problem -> problems.add(new FieldProblem("customer", problem)));

        Ladder dimension = reader.get("dimension", key -> ladders.of(key).orElse(null),
                "unknown dimension; the dimensions are " + String.join(", ", ladders.byDimension().keySet()));
        List<Kind> kinds = reader.get("kind", text -> text.equals(Kind.MANUAL) ? Kind.MANUAL_KINDS
                : Optional.ofNullable(enumValue(Kind.class, text)).map(List::of).orElse(null),
                "must be one of " + names(Kind.values()) + " or " + Kind.MANUAL + " (OVERRIDE, HOLD and RELEASE)");
        Cause cause = reader.get("cause", text -> enumValue(Cause.class, text),
                "must be one of " + names(Cause.values()));
        String from = value(reader, "from", dimension, ladders);
        String to = value(reader, "to", dimension, ladders);
        String rule = reader.get("rule", text -> text.length() <= MAX_TEXT ? text : null,
                "must be at most " + MAX_TEXT + " characters");
        String author = reader.get("author", text -> text.length() <= MAX_TEXT ? text : null,
                "must be at most " + MAX_TEXT + " characters");
        String reason = reader.get("reason", text -> text.length() <= MAX_TEXT * 3 ? text : null,
                "must be at most " + MAX_TEXT * 3 + " characters");
        String version = reader.get("rulesetVersion", text -> text.length() <= MAX_TEXT ? text : null,
                "must be at most " + MAX_TEXT + " characters");
        String timeFormat = "must be " + FactsValidator.TIME_FORMAT + ", or a date such as 2026-11-01 (00:00 UTC)";
        Instant since = reader.get("since", HistoryQueryParser::time, timeFormat);
        Instant until = reader.get("until", HistoryQueryParser::time, timeFormat);
        if (since != null && until != null && !since.isBefore(until)) {
            problems.add(new FieldProblem("until", "must be later than since"));
        }
        Long after = reader.get("after", HistoryQueryParser::nonNegative, "must be an entry id (a whole number ≥ 0)");
        Integer limit = reader.get("limit", text -> {
            Long number = nonNegative(text);
            return number != null && number >= 1 && number <= MAX_LIMIT ? number.intValue() : null;
        }, "must be a whole number from 1 to " + MAX_LIMIT);

        if (!problems.isEmpty()) {
            throw new InvalidQuery(problems);
        }
        return new HistoryQuery(customers, dimension == null ? null : dimension.dimension(),
                kinds == null ? List.of() : kinds, from, to, rule, version, cause, author, reason, since, until, after == null ? 0 : after, limit == null ? DEFAULT_LIMIT : limit);
    }

    /** A code or display name of the dimension (of any dimension when none is given), as its code. */
    private static String value(Reader reader, String parameter, Ladder dimension, Ladders ladders) {
        String text = reader.text(parameter);
        if (text == null) {
            return null;
        }
        Optional<String> code = dimension != null ? dimension.codeOf(text)
                : ladders.all().stream().map(ladder -> ladder.codeOf(text)).flatMap(Optional::stream).findFirst();
        if (code.isEmpty()) {
            reader.problems.add(new FieldProblem(parameter, dimension != null
                    ? "'" + text + "' is not a value of " + dimension.dimension() + "; its values are "
                            + dimension.rungs().stream().map(Ladder.Rung::code).collect(Collectors.joining(", "))
                    : "'" + text + "' is not a value of any dimension of the active rule set"));
        }
        return code.orElse(null);
    }

    /** An ISO-8601 time with an offset, or a date meaning its start in UTC. */
    static Instant time(String text) {
        Optional<Instant> time = FactsValidator.parseTime(text);
        if (time.isPresent()) {
            return time.get();
        }
        try {
            Instant start = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            return FactsValidator.inRange(start) ? start : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long nonNegative(String text) {
        try {
            long number = Long.parseLong(text);
            return number >= 0 ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(text)).findFirst()
                .orElse(null);
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** Reads single parameters, noting a problem for each value that does not convert. */
    private record Reader(Map<String, List<String>> parameters, List<FieldProblem> problems) {

        String text(String name) {
            List<String> values = parameters.getOrDefault(name, List.of());
            return values.isEmpty() ? null : values.get(0);
        }

        <T> T get(String name, Function<String, T> convert, String problem) {
            String text = text(name);
            if (text == null) {
                return null;
            }
            T value = text.isEmpty() ? null : convert.apply(text);
            if (value == null) {
                problems.add(new FieldProblem(name, problem));
            }
            return value;
        }
    }
}
