package com.tierupgrade.facts;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.Text;

/**
 * Checks facts against the contract before anything is stored, and turns valid input into {@link FactEvent}s.
 * It knows the shape of facts, never what the rules conclude from them.
 */
public final class FactsValidator {

    /** Attributes the default rules read as flags; sending "true" as text would silently read as false. */
    private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("followsOfficialAccount", "addedWeCom",
            "addedWeChat", "inGroup", "distributorOptIn", "distributorRefused", "member");
    private static final int MAX_ID_LENGTH = 200;
    /** Largest amount of one event (a trillion): sums over any number of events stay finite. */
    public static final double MAX_AMOUNT = 1e12;
    /** Largest magnitude of any other number in the facts. */
    public static final double MAX_NUMBER = 1e15;
    /** The times the service takes: PostgreSQL stores them, and windows counted back from them stay in range. */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    /** Clocks of upstream systems drift a little; further in the future is a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private FactsValidator() {
    }

    /** Validates the request with the default limits; throws {@link InvalidFacts} listing every problem. */
    public static ValidFacts validate(FactsRequest request, Instant now, EventTypes types) {
        return validate(request, now, FactLimits.DEFAULT, types);
    }

    /**
     * Validates the request against the limits and the event types a rule set declares; throws
     * {@link InvalidFacts} listing every problem.
     */
    public static ValidFacts validate(FactsRequest request, Instant now, FactLimits limits, EventTypes types) {
        if (request == null) {
            throw new InvalidFacts(List.of(new FieldProblem("body",
                    "a JSON object with attributes, events and asOf is required")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Object> attributes = request.attributesOrEmpty();
        if (attributes.size() > limits.attributesPerPost()) {
            problems.add(new FieldProblem("attributes", "at most " + limits.attributesPerPost()
                    + " attributes per request; send more requests"));
        } else {
            attributes.forEach((name, value) -> checkAttribute(name, value, limits, problems));
        }
        List<EventInput> inputs = request.eventsOrEmpty();
        if (inputs.size() > limits.eventsPerPost()) {
            problems.add(new FieldProblem("events", "at most " + limits.eventsPerPost()
                    + " events per request; send more requests"));
            inputs = List.of();
        }
        Instant latest = now.plus(CLOCK_SKEW);
        Instant asOf = request.asOf() == null ? null : instant("asOf", request.asOf(), latest, problems);
        List<FactEvent> events = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            FactEvent event = checkEvent("events[" + i + "]", inputs.get(i), latest, ids, limits, types, problems);
            if (event != null) {
                events.add(event);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFacts(problems);
        }
        return new ValidFacts(request.attributesOrEmpty(), events, asOf);
    }

    /** What a time field must look like, for error messages. */
    public static final String TIME_FORMAT = "an ISO-8601 time with an offset, such as 2026-11-01T10:00:00Z or "
            + "2026-11-01T18:00:00+08:00, from 1900-01-01 to 9999-12-31";

    /**
     * The one definition of the times the service takes: ISO-8601 with an offset ({@code Z} or {@code +08:00}),
     * from {@link #EARLIEST} to {@link #LATEST}.
     */
    public static Optional<Instant> parseTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant()).filter(FactsValidator::inRange);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether a time lies within the range the service stores. */
    public static boolean inRange(Instant time) {
        return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }

    /** Parses a time that must not be in the future. */
    private static Instant instant(String field, String text, Instant latest, List<FieldProblem> problems) {
        Optional<Instant> instant = parseTime(text);
        if (instant.isEmpty()) {
            problems.add(new FieldProblem(field, "must be " + TIME_FORMAT));
        } else if (instant.get().isAfter(latest)) {
            problems.add(new FieldProblem(field, "must not be in the future"));
        }
        return instant.orElse(null);
    }

    private static void checkAttribute(String name, Object value, FactLimits limits, List<FieldProblem> problems) {
        if (name.isBlank()) {
            problems.add(new FieldProblem("attributes", "attribute names must not be blank"));
            return;
        }
        if (!checkName("attributes", name, limits, problems)) {
            return;
        }
        String field = "attributes." + name;
        if (value != null && BOOLEAN_ATTRIBUTES.contains(name) && !(value instanceof Boolean)) {
            problems.add(new FieldProblem(field, "must be true or false"));
        } else if (value instanceof Map || value instanceof List) {
            problems.add(new FieldProblem(field, "must be text, a number, true/false or null (null removes it)"));
        } else {
            checkValue(field, value, limits, problems);
        }
    }

    /** A name PostgreSQL can store as a JSON key, of at most the limit's length; false (and a problem) otherwise. */
    private static boolean checkName(String parent, String name, FactLimits limits, List<FieldProblem> problems) {
        Optional<String> problem = Text.problem(name);
        if (problem.isPresent()) {
            problems.add(new FieldProblem(parent, "names " + problem.get().replace("must", "must each")));
            return false;
        }
        if (name.length() > limits.nameLength()) {
            problems.add(new FieldProblem(parent + "." + name.substring(0, Math.min(20, name.length())) + "…",
                    "names must be at most " + limits.nameLength() + " characters"));
            return false;
        }
        return true;
    }

    /** Text, numbers, true/false, and (in event fields kept as sent) lists and objects of them, stored as JSON. */
    private static void checkValue(String field, Object value, FactLimits limits, List<FieldProblem> problems) {
        if (value instanceof String text) {
            Text.problem(text).ifPresent(problem -> problems.add(new FieldProblem(field, problem)));
            if (text.length() > limits.textLength()) {
                problems.add(new FieldProblem(field, "must be at most " + limits.textLength() + " characters"));
            }
        } else if (value instanceof Number number) {
            double magnitude = Math.abs(number.doubleValue());
            if (!(magnitude <= MAX_NUMBER)) {
                problems.add(new FieldProblem(field, "must be a number from -1e15 to 1e15"));
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((name, inner) -> {
                if (checkName(field, (String) name, limits, problems)) {
                    checkValue(field + "." + name, inner, limits, problems);
                }
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkValue(field + "[" + i + "]", list.get(i), limits, problems);
            }
        }
    }

    private static FactEvent checkEvent(String path, EventInput input, Instant latest, Set<String> ids,
            FactLimits limits, EventTypes types, List<FieldProblem> problems) {
        if (input == null) {
            problems.add(new FieldProblem(path, "must be an object with id, type and at"));
            return null;
        }
        int before = problems.size();
        if (input.id == null || input.id.isBlank() || input.id.length() > MAX_ID_LENGTH) {
            problems.add(new FieldProblem(path + ".id", "is required: 1 to " + MAX_ID_LENGTH + " characters"));
        } else if (Text.problem(input.id).isPresent()) {
            problems.add(new FieldProblem(path + ".id", Text.problem(input.id).get()));
        } else if (!ids.add(input.id)) {
            problems.add(new FieldProblem(path + ".id", "'" + input.id + "' appears more than once in this request"));
        }
        Instant at = null;
        if (input.at == null) {
            problems.add(new FieldProblem(path + ".at", "is required: an ISO-8601 time such as 2026-11-01T10:00:00Z"));
        } else {
            at = instant(path + ".at", input.at, latest, problems);
        }
        EventTypeDeclaration type = typeOf(path, input.type, types, problems);
        if (type != null) {
            checkFields(path, type, input.fields(), limits, problems);
        }
        return problems.size() == before ? new FactEvent(input.id, type.name(), at, input.fields()) : null;
    }

    private static EventTypeDeclaration typeOf(String path, String type, EventTypes types,
            List<FieldProblem> problems) {
        if (type == null) {
            problems.add(new FieldProblem(path + ".type", "is required: one of " + types.names()));
            return null;
        }
        Optional<EventTypeDeclaration> declared = types.of(type);
        if (declared.isEmpty()) {
            problems.add(new FieldProblem(path + ".type", "unknown event type '" + printable(type)
                    + "'; known types (rules/" + EventTypes.FILE + "): " + types.names()));
        }
        return declared.orElse(null);
    }

    private static void checkFields(String path, EventTypeDeclaration type, Map<String, Object> fields,
            FactLimits limits, List<FieldProblem> problems) {
        if (fields.size() > limits.attributesPerPost()) {
            problems.add(new FieldProblem(path, "at most " + limits.attributesPerPost() + " fields per event"));
            return;
        }
        int before = problems.size();
        fields.forEach((name, value) -> {
            if (checkName(path, name, limits, problems)) {
                checkValue(path + "." + name, value, limits, problems);
            }
        });
        if (problems.size() > before) {
            return;
        }
        type.fields().forEach((name, field) -> {
            Object value = fields.get(name);
            if (value == null) {
                if (field.required()) {
                    problems.add(new FieldProblem(path + "." + name,
                            "is required for " + type.name() + ": " + field.expected()));
                }
            } else if (!field.accepts(value)) {
                problems.add(new FieldProblem(path + "." + name, "must be " + field.expected()));
            } else if (field.kind() == FieldKind.AMOUNT && ((Number) value).doubleValue() > MAX_AMOUNT) {
                problems.add(new FieldProblem(path + "." + name, "must be at most 1e12 (a trillion)"));
            }
        });
    }

    /** Text as it can be quoted back in a message: at most 50 characters, without NUL. */
    private static String printable(String text) {
        String shown = text.replace('\u0000', '?');
        return shown.length() > 50 ? shown.substring(0, 50) + "…" : shown;
    }
}
