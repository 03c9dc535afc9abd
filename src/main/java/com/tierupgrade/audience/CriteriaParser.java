package com.tierupgrade.audience;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tierupgrade.audience.Criterion.Column;
import com.tierupgrade.facts.EventTypes;
import com.tierupgrade.facts.FieldKind;
import com.tierupgrade.facts.FactsValidator;
import com.tierupgrade.web.FieldProblem;
import com.tierupgrade.web.Text;

/**
 * Reads the JSON a marketer composes into {@link Criterion criteria}, collecting every problem with the path of its
 * field before refusing the request. The JSON is read as a tree so that unknown fields and wrong types are named.
 */
final class CriteriaParser {

    static final int MAX_CRITERIA = 50;
    static final int MAX_VALUES = 1000;
    static final int MAX_DAYS = 36_500;
    static final int MAX_NAME = 200;
    static final int MAX_PAGE = 1000;
    static final int DEFAULT_PAGE = 50;

    private static final Set<String> PREVIEW_FIELDS = Set.of("criteria", "asOf", "limit", "after");
    private static final Set<String> SAVE_FIELDS = Set.of("name", "criteria");
    private static final List<String> KINDS = List.of("attribute", "dimension", "event", "noEvent");
    private static final Set<String> VALUE_FIELDS = Set.of("equals", "in", "notIn");
    private static final Set<String> EVENT_FIELDS = Set.of("event", "where", "withinDays", "atLeast", "atMost",
            "totalAmountAtLeast", "totalAmountAtMost");
    private static final Set<String> NO_EVENT_FIELDS = Set.of("noEvent", "where", "withinDays");

    private final List<FieldProblem> problems = new ArrayList<>();
    private final Instant now;
    private final EventTypes types;
    /** Saved criteria were valid when saved; a type removed from events.yaml since then simply matches nothing. */
    private final boolean acceptUndeclaredTypes;

    private CriteriaParser(Instant now, EventTypes types, boolean acceptUndeclaredTypes) {
        this.now = now;
        this.types = types;
        this.acceptUndeclaredTypes = acceptUndeclaredTypes;
    }

    /** The body of {@code POST /audiences/preview}. */
    static Preview.Request preview(JsonNode body, Instant now, EventTypes types) {
        CriteriaParser parser = new CriteriaParser(now, types, false);
        if (!parser.object(body, "") || !parser.storable(body, "")) {
            throw parser.refused();
        }
        parser.onlyKnown(body, "", PREVIEW_FIELDS);
        List<Criterion> criteria = parser.criteria(body.get("criteria"));
        Instant asOf = parser.asOf(body.get("asOf"), "asOf");
        int limit = parser.limit(body.get("limit"), "limit");
        String after = parser.optionalText(body.get("after"), "after");
        parser.throwIfAny();
        return new Preview.Request(new AudienceQuery(criteria, asOf), limit, after);
    }

    /** The body of {@code POST /audiences}: the name, and the criteria exactly as sent once they are valid. */
    static SavedAudiences.NewAudience save(JsonNode body, Instant now, EventTypes types) {
        CriteriaParser parser = new CriteriaParser(now, types, false);
        if (!parser.object(body, "") || !parser.storable(body, "")) {
            throw parser.refused();
        }
        parser.onlyKnown(body, "", SAVE_FIELDS);
        String name = parser.requiredText(body.get("name"), "name");
        parser.criteria(body.get("criteria"));
        parser.throwIfAny();
        return new SavedAudiences.NewAudience(name.strip(), body.get("criteria"));
    }

    /** Criteria stored by {@code POST /audiences}: they were valid then, and the rules for them only widen. */
    static List<Criterion> stored(JsonNode criteria, EventTypes types) {
        CriteriaParser parser = new CriteriaParser(Instant.now(), types, true);
        List<Criterion> parsed = parser.criteria(criteria);
        parser.throwIfAny();
        return parsed;
    }

    /** An {@code asOf} given as a query parameter. */
    static Instant asOfParameter(String text, Instant now) {
        CriteriaParser parser = new CriteriaParser(now, null, true);
        Instant asOf = text == null ? now : parser.time(text, "asOf");
        parser.throwIfAny();
        return asOf;
    }

    private List<Criterion> criteria(JsonNode node) {
        List<Criterion> criteria = new ArrayList<>();
        if (node == null || node.isNull()) {
            problem("criteria", "is required: a list of criteria that must all hold");
            return criteria;
        }
        if (!node.isArray()) {
            problem("criteria", "must be a JSON array of criteria");
            return criteria;
        }
        if (node.isEmpty()) {
            problem("criteria", "must list at least one criterion");
        } else if (node.size() > MAX_CRITERIA) {
            problem("criteria", "must list at most " + MAX_CRITERIA + " criteria");
        }
        for (int i = 0; i < node.size(); i++) {
            Criterion criterion = criterion(node.get(i), "criteria[" + i + "]");
            if (criterion != null) {
                criteria.add(criterion);
            }
        }
        return criteria;
    }

    private Criterion criterion(JsonNode node, String path) {
        if (!object(node, path)) {
            return null;
        }
        List<String> kinds = KINDS.stream().filter(node::has).toList();
        if (kinds.size() != 1) {
            problem(path, kinds.isEmpty()
                    ? "must name what it selects on: one of attribute, dimension, event, noEvent"
                    : "must have only one of " + String.join(", ", kinds) + "; write one criterion each");
            return null;
        }
        return switch (kinds.get(0)) {
            case "attribute" -> values(node, path, Column.ATTRIBUTES, "attribute");
            case "dimension" -> values(node, path, Column.DIMENSIONS, "dimension");
            case "event" -> events(node, path);
            default -> noEvent(node, path);
        };
    }

    private Criterion values(JsonNode node, String path, Column column, String kind) {
        Set<String> known = new java.util.HashSet<>(VALUE_FIELDS);
        known.add(kind);
        onlyKnown(node, path, known);
        String name = requiredText(node.get(kind), path + "." + kind);
        List<String> operators = VALUE_FIELDS.stream().filter(node::has).sorted().toList();
        if (operators.size() != 1) {
            problem(path, "must have exactly one of equals, in, notIn");
            return null;
        }
        String operator = operators.get(0);
        String at = path + "." + operator;
        JsonNode given = node.get(operator);
        List<JsonNode> values = new ArrayList<>();
        if (operator.equals("equals")) {
            if (scalar(given, at, column)) {
                values.add(given);
            }
        } else if (given == null || !given.isArray()) {
            problem(at, "must be a JSON array of values");
        } else if (given.isEmpty()) {
            problem(at, "must list at least one value");
        } else if (given.size() > MAX_VALUES) {
            problem(at, "must list at most " + MAX_VALUES + " values");
        } else {
            for (int i = 0; i < given.size(); i++) {
                if (scalar(given.get(i), at + "[" + i + "]", column)) {
                    values.add(given.get(i));
                }
            }
        }
        if (name == null || values.size() != (given != null && given.isArray() ? given.size() : 1)) {
            return null;
        }
        return new Criterion.Values(column, name, List.copyOf(values), operator.equals("notIn"));
    }

    private boolean scalar(JsonNode value, String path, Column column) {
        boolean ok = column == Column.DIMENSIONS
                ? value != null && value.isTextual() && !value.asText().isBlank()
                : value != null && (value.isTextual() || value.isNumber() || value.isBoolean());
        if (!ok) {
            problem(path, column == Column.DIMENSIONS ? "must be a code (text), e.g. \"IMPORTANT_VALUE\""
                    : "must be text, a number or true/false");
        }
        return ok;
    }

    private Criterion events(JsonNode node, String path) {
        onlyKnown(node, path, EVENT_FIELDS);
        String type = eventType(node.get("event"), path + ".event");
        ObjectNode where = where(node.get("where"), path + ".where");
        List<String> notTrue = notTrue(type, where);
        Integer days = withinDays(node.get("withinDays"), path + ".withinDays");
        Long atLeast = count(node.get("atLeast"), path + ".atLeast", 1);
        Long atMost = count(node.get("atMost"), path + ".atMost", 0);
        BigDecimal totalAtLeast = amount(node.get("totalAmountAtLeast"), path + ".totalAmountAtLeast", type);
        BigDecimal totalAtMost = amount(node.get("totalAmountAtMost"), path + ".totalAmountAtMost", type);
        if (!node.has("atLeast") && !node.has("atMost") && !node.has("totalAmountAtLeast")
                && !node.has("totalAmountAtMost")) {
            problem(path, "must say how many: atLeast, atMost, totalAmountAtLeast or totalAmountAtMost "
                    + "(use noEvent for none)");
            return null;
        }
        if (atLeast != null && atMost != null && atLeast > atMost) {
            problem(path + ".atMost", "must not be less than atLeast (" + atLeast + ")");
        }
        if (totalAtLeast != null && totalAtMost != null && totalAtLeast.compareTo(totalAtMost) > 0) {
            problem(path + ".totalAmountAtMost", "must not be less than totalAmountAtLeast (" + totalAtLeast + ")");
        }
        return new Criterion.Events(type, contained(where, notTrue), notTrue, days, atLeast, atMost, totalAtLeast,
                totalAtMost);
    }

    private Criterion noEvent(JsonNode node, String path) {
        onlyKnown(node, path, NO_EVENT_FIELDS);
        String type = eventType(node.get("noEvent"), path + ".noEvent");
        ObjectNode where = where(node.get("where"), path + ".where");
        List<String> notTrue = notTrue(type, where);
        Integer days = withinDays(node.get("withinDays"), path + ".withinDays");
        return new Criterion.Events(type, contained(where, notTrue), notTrue, days, null, 0L, null, null);
    }

    private String eventType(JsonNode node, String path) {
        if (node == null || !node.isTextual() || node.asText().isBlank()
                || !(acceptUndeclaredTypes || types.contains(node.asText()))) {
            problem(path, "must be an event type of rules/" + EventTypes.FILE + ": one of "
                    + String.join(", ", types.names()));
            return null;
        }
        return node.asText();
    }

    /**
     * The boolean fields the where asks to be false. Absent counts as false (events.yaml): a complaint without
     * {@code resolved} is unresolved, in audiences as in the rules, so these become "not true" instead of "= false".
     */
    private List<String> notTrue(String type, ObjectNode where) {
        if (type == null || where == null || types == null) {
            return List.of();
        }
        List<String> fields = new ArrayList<>();
        where.fields().forEachRemaining(field -> {
            boolean declaredBoolean = types.field(type, field.getKey())
                    .filter(declared -> declared.kind() == FieldKind.BOOLEAN).isPresent();
            if (declaredBoolean && field.getValue().isBoolean() && !field.getValue().booleanValue()) {
                fields.add(field.getKey());
            }
        });
        return List.copyOf(fields);
    }

    /** The where without the fields asked to be false, for containment; null when nothing is left. */
    private static ObjectNode contained(ObjectNode where, List<String> notTrue) {
        if (where == null || notTrue.isEmpty()) {
            return where;
        }
        ObjectNode rest = where.deepCopy();
        rest.remove(notTrue);
        return rest.isEmpty() ? null : rest;
    }

    private ObjectNode where(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (!node.isObject() || node.isEmpty()) {
            problem(path, "must be a JSON object of event fields and the values they must have, "
                    + "e.g. {\"brand\": \"资生堂\"}");
            return null;
        }
        boolean ok = true;
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (!(value.isTextual() || value.isNumber() || value.isBoolean())) {
                problem(path + "." + field.getKey(), "must be text, a number or true/false");
                ok = false;
            }
        }
        return ok ? (ObjectNode) node : null;
    }

    private Integer withinDays(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || node.asLong() < 1 || node.asLong() > MAX_DAYS) {
            problem(path, "must be a whole number of days from 1 to " + MAX_DAYS + " (leave it out for ever)");
            return null;
        }
        return node.intValue();
    }

    private Long count(JsonNode node, String path, int min) {
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < min) {
            problem(path, "must be a whole number ≥ " + min);
            return null;
        }
        return node.asLong();
    }

    private BigDecimal amount(JsonNode node, String path, String type) {
        if (node == null) {
            return null;
        }
        List<String> withAmount = types == null ? List.of() : types.names().stream()
                .filter(name -> types.field(name, "amount").filter(field -> field.kind() == FieldKind.AMOUNT)
                        .isPresent()).toList();
        if (type != null && !acceptUndeclaredTypes && !withAmount.contains(type)) {
            problem(path, "applies only to events with an amount: " + String.join(", ", withAmount));
            return null;
        }
        if (!node.isNumber() || node.decimalValue().signum() < 0) {
            problem(path, "must be a number ≥ 0");
            return null;
        }
        return node.decimalValue();
    }

    private Instant asOf(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return now;
        }
        if (!node.isTextual()) {
            problem(path, "must be an ISO-8601 time with offset, e.g. 2026-11-20T00:00:00Z");
            return now;
        }
        return time(node.asText(), path);
    }

    private Instant time(String text, String path) {
        Optional<Instant> asOf = FactsValidator.parseTime(text);
        if (asOf.isEmpty()) {
            problem(path, "must be " + FactsValidator.TIME_FORMAT);
            return now;
        }
        if (asOf.get().isAfter(now)) {
            problem(path, "must not be in the future");
        }
        return asOf.get();
    }

    /**
     * Every text and number of the body, before its meaning is read: text PostgreSQL can store (no NUL), names of
     * at most {@link #MAX_NAME} characters, numbers of at most {@link FactsValidator#MAX_NUMBER}. Problems name the
     * field; false when there was any.
     */
    private boolean storable(JsonNode node, String path) {
        int before = problems.size();
        if (node.isTextual()) {
            Text.problem(node.asText()).ifPresent(problem -> problem(path, problem));
        } else if (node.isNumber() && !(Math.abs(node.doubleValue()) <= FactsValidator.MAX_NUMBER)) {
            problem(path, "must be a number from -1e15 to 1e15");
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                storable(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                Optional<String> problem = Text.problem(name);
                if (problem.isPresent() || name.length() > MAX_NAME) {
                    problem(path.isEmpty() ? "body" : path, "field names " + problem.map(text -> text.replace("must", "must each"))
                            .orElse("must be at most " + MAX_NAME + " characters"));
                } else {
                    storable(field.getValue(), path.isEmpty() ? name : path + "." + name);
                }
            }
        }
        return problems.size() == before;
    }

    private int limit(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return DEFAULT_PAGE;
        }
        if (!node.isIntegralNumber() || node.asLong() < 1 || node.asLong() > MAX_PAGE) {
            problem(path, "must be a whole number from 1 to " + MAX_PAGE);
            return DEFAULT_PAGE;
        }
        return node.intValue();
    }

    private String optionalText(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problem(path, "must be text: the last customer id of the previous page");
            return null;
        }
        return node.asText();
    }

    private String requiredText(JsonNode node, String path) {
        if (node == null || !node.isTextual() || node.asText().isBlank() || node.asText().length() > MAX_NAME) {
            problem(path, "must be text of 1 to " + MAX_NAME + " characters");
            return null;
        }
        return node.asText();
    }

    private boolean object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            problem(path.isEmpty() ? "body" : path, "must be a JSON object");
            return false;
        }
        return true;
    }

    private void onlyKnown(JsonNode node, String path, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(path.isEmpty() ? name : path + "." + name,
                        "is not a known field; expected " + known.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    private void problem(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    private InvalidAudience refused() {
        return new InvalidAudience(problems);
    }

    private void throwIfAny() {
        if (!problems.isEmpty()) {
            throw refused();
        }
    }
}
