package com.tierupgrade.facts;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.tierupgrade.web.FieldProblem;

/**
 * Checks facts against the contract before anything is stored, and turns valid input into {@link FactEvent}s.
 * It knows the shape of facts, never what the rules conclude from them.
 */
public final class FactsValidator {

    /** Attributes the default rules read as flags; sending "true" as text would silently read as false. */
    private static final Set<String> BOOLEAN_ATTRIBUTES = Set.of("followsOfficialAccount", "addedWeCom",
            "addedWeChat", "inGroup", "distributorOptIn", "distributorRefused", "member");
    private static final int MAX_EVENTS = 1000;
    private static final int MAX_ID_LENGTH = 200;
    /** Clocks of upstream systems drift a little; further in the future is a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private FactsValidator() {
    }

    public static void requireValidCustomerId(String customerId) {
        if (customerId == null || customerId.isBlank() || customerId.length() > MAX_ID_LENGTH) {
            throw new InvalidFacts(List.of(new FieldProblem("customerId",
                    "must be 1 to " + MAX_ID_LENGTH + " characters")));
        }
    }

    /** Validates the request; throws {@link InvalidFacts} listing every problem. */
    public static ValidFacts validate(FactsRequest request, Instant now) {
        if (request == null) {
            throw new InvalidFacts(List.of(new FieldProblem("body",
                    "a JSON object with attributes, events and asOf is required")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        request.attributesOrEmpty().forEach((name, value) -> checkAttribute(name, value, problems));
        List<EventInput> inputs = request.eventsOrEmpty();
        if (inputs.size() > MAX_EVENTS) {
            problems.add(new FieldProblem("events", "at most " + MAX_EVENTS + " events per request; send more requests"));
        }
        Instant latest = now.plus(CLOCK_SKEW);
        Instant asOf = request.asOf() == null ? null : instant("asOf", request.asOf(), latest, problems);
        List<FactEvent> events = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            FactEvent event = checkEvent("events[" + i + "]", inputs.get(i), latest, ids, problems);
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
            + "2026-11-01T18:00:00+08:00";

    /** The one definition of the times the service takes: ISO-8601 with an offset ({@code Z} or {@code +08:00}). */
    public static Optional<Instant> parseTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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

    private static void checkAttribute(String name, Object value, List<FieldProblem> problems) {
        String field = "attributes." + name;
        if (name.isBlank()) {
            problems.add(new FieldProblem("attributes", "attribute names must not be blank"));
        } else if (value != null && BOOLEAN_ATTRIBUTES.contains(name) && !(value instanceof Boolean)) {
            problems.add(new FieldProblem(field, "must be true or false"));
        } else if (value instanceof Map || value instanceof List) {
            problems.add(new FieldProblem(field, "must be text, a number, true/false or null (null removes it)"));
        }
    }

    private static FactEvent checkEvent(String path, EventInput input, Instant latest, Set<String> ids,
            List<FieldProblem> problems) {
        if (input == null) {
            problems.add(new FieldProblem(path, "must be an object with id, type and at"));
            return null;
        }
        int before = problems.size();
        if (input.id == null || input.id.isBlank() || input.id.length() > MAX_ID_LENGTH) {
            problems.add(new FieldProblem(path + ".id", "is required: 1 to " + MAX_ID_LENGTH + " characters"));
        } else if (!ids.add(input.id)) {
            problems.add(new FieldProblem(path + ".id", "'" + input.id + "' appears more than once in this request"));
        }
        Instant at = null;
        if (input.at == null) {
            problems.add(new FieldProblem(path + ".at", "is required: an ISO-8601 time such as 2026-11-01T10:00:00Z"));
        } else {
            at = instant(path + ".at", input.at, latest, problems);
        }
        EventType type = typeOf(path, input.type, problems);
        if (type != null) {
            checkFields(path, type, input.fields(), problems);
        }
        return problems.size() == before ? new FactEvent(input.id, type.name(), at, input.fields()) : null;
    }

    private static EventType typeOf(String path, String type, List<FieldProblem> problems) {
        if (type == null) {
            problems.add(new FieldProblem(path + ".type", "is required: one of " + Arrays.toString(EventType.values())));
            return null;
        }
        try {
            return EventType.valueOf(type);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(path + ".type",
                    "unknown event type '" + type + "'; known types: " + Arrays.toString(EventType.values())));
            return null;
        }
    }

    private static void checkFields(String path, EventType type, Map<String, Object> fields,
            List<FieldProblem> problems) {
        for (String required : type.required) {
            if (fields.get(required) == null) {
                problems.add(new FieldProblem(path + "." + required,
                        "is required for " + type + ": " + type.fields.get(required).expected));
            }
        }
        type.fields.forEach((name, fieldType) -> {
            Object value = fields.get(name);
            if (value != null && !fieldType.accepts(value)) {
                problems.add(new FieldProblem(path + "." + name, "must be " + fieldType.expected));
            }
        });
    }
}
