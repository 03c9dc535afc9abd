package com.tierupgrade.rules.compiler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.tierupgrade.rules.engine.Ladder;
import com.tierupgrade.rules.engine.Ladders;
import com.tierupgrade.rules.engine.Policy;

/**
 * Reads {@code ladders.yaml}: each top-level key is a dimension. Its value is either the list of its values lowest
 * first (an ordered dimension), or a mapping with {@code name}, {@code ordered} (default true), {@code multiValued}
 * (default false), {@code values}, {@code warnings} (warning code → {@code action}) and, for an ordered single-valued
 * dimension, {@code policy}: {@code graceDays}, {@code stepDownEveryDays}, {@code qualificationDays}, each the name of
 * a parameter of parameters.yaml (or a whole number). A value is {code, name, action}.
 */
class LaddersReader {

    private static final Pattern DIMENSION_KEY = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final List<String> FIELDS = List.of("name", "ordered", "multiValued", "values", "warnings",
            "policy");
    private static final List<String> VALUE_FIELDS = List.of("code", "name", "action");
    private static final List<String> POLICY_FIELDS = List.of("graceDays", "stepDownEveryDays", "qualificationDays");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    Ladders read(String content) {
        return read(content, Map.of());
    }

    /** Reads the ladders; policy numbers named by parameter are looked up in {@code parameters}. */
    Ladders read(String content, Map<String, Number> parameters) {
        Map<?, ?> document;
        try {
            document = yaml.readValue(content, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getOriginalMessage());
        }
        if (document == null) {
            throw new IllegalArgumentException("empty; it must list at least 'stage' and 'tier'");
        }
        Map<String, Ladder> ladders = new LinkedHashMap<>();
        document.forEach((key, value) -> {
            String dimension = String.valueOf(key);
            if (!DIMENSION_KEY.matcher(dimension).matches()) {
                throw new IllegalArgumentException("'" + dimension + "': a dimension key is a word in lowerCamelCase, "
                        + "such as rfm or relationship");
            }
            ladders.put(dimension, ladder(dimension, value, parameters));
        });
        for (String required : List.of(Ladders.STAGE, Ladders.TIER)) {
            if (!ladders.containsKey(required)) {
                throw new IllegalArgumentException("'" + required + "' is missing; stage and tier are required");
            }
            if (!ladders.get(required).ordered()) {
                throw new IllegalArgumentException("'" + required + "' must be ordered");
            }
            if (ladders.get(required).multiValued()) {
                throw new IllegalArgumentException("'" + required + "' must be single-valued (declare the roles as "
                        + "a dimension of their own)");
            }
        }
        return new Ladders(ladders);
    }

    private static Ladder ladder(String dimension, Object value, Map<String, Number> parameters) {
        if (value instanceof List<?> entries) {
            return new Ladder(dimension, dimension, true, rungs(dimension, entries));
        }
        if (value instanceof Map<?, ?> map) {
            for (Object field : map.keySet()) {
                if (!FIELDS.contains(String.valueOf(field))) {
                    throw new IllegalArgumentException("'" + dimension + "." + field + "': unknown field; the fields are "
                            + String.join(", ", FIELDS));
                }
            }
            Object ordered = map.containsKey("ordered") ? map.get("ordered") : Boolean.TRUE;
            if (!(ordered instanceof Boolean)) {
                throw new IllegalArgumentException("'" + dimension + ".ordered' must be true or false");
            }
            Object multiValued = map.containsKey("multiValued") ? map.get("multiValued") : Boolean.FALSE;
            if (!(multiValued instanceof Boolean)) {
                throw new IllegalArgumentException("'" + dimension + ".multiValued' must be true or false");
            }
            if (!(map.get("values") instanceof List<?> entries)) {
                throw new IllegalArgumentException("'" + dimension + ".values' must be a list of {code, name}");
            }
            Object name = map.get("name");
            Policy policy = policy(dimension, map.get("policy"), parameters);
            if (!policy.isNone() && !(Boolean) ordered) {
                throw new IllegalArgumentException("'" + dimension + ".policy': only an ordered dimension has a "
                        + "policy (grace period, step-down and qualification follow the order of its values)");
            }
            if ((Boolean) multiValued && List.of(Ladders.STAGE, Ladders.TIER).contains(dimension)) {
                throw new IllegalArgumentException("'" + dimension + "' must be single-valued (declare the roles as "
                        + "a dimension of their own)");
            }
            if (!policy.isNone() && (Boolean) multiValued) {
                throw new IllegalArgumentException("'" + dimension + ".policy': a multi-valued dimension has no "
                        + "policy (each role is gained or lost on its own); only an ordered single-valued dimension "
                        + "has one");
            }
            return new Ladder(dimension, name == null ? dimension : name.toString(), (Boolean) ordered,
                    (Boolean) multiValued, rungs(dimension, entries), warningActions(dimension, map.get("warnings")),
                    policy);
        }
        throw new IllegalArgumentException("'" + dimension + "' must be a list of {code, name}, lowest first, "
                + "or a mapping with name, ordered and values");
    }

    private static Policy policy(String dimension, Object value, Map<String, Number> parameters) {
        if (value == null) {
            return Policy.NONE;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("'" + dimension + ".policy' must be a mapping of "
                    + String.join(", ", POLICY_FIELDS));
        }
        for (Object field : map.keySet()) {
            if (!POLICY_FIELDS.contains(String.valueOf(field))) {
                throw new IllegalArgumentException("'" + dimension + ".policy." + field + "': unknown field; the "
                        + "fields are " + String.join(", ", POLICY_FIELDS));
            }
        }
        return new Policy(days(dimension, "graceDays", map.get("graceDays"), parameters),
                days(dimension, "stepDownEveryDays", map.get("stepDownEveryDays"), parameters),
                days(dimension, "qualificationDays", map.get("qualificationDays"), parameters));
    }

    private static int days(String dimension, String field, Object value, Map<String, Number> parameters) {
        String where = "'" + dimension + ".policy." + field + "'";
        Object number = value;
        if (value instanceof String name) {
            number = parameters.get(name);
            if (number == null) {
                throw new IllegalArgumentException(where + " names the parameter '" + name
                        + "', which parameters.yaml does not have");
            }
        }
        if (number == null) {
            return 0;
        }
        if (!(number instanceof Integer || number instanceof Long) || ((Number) number).longValue() < 0
                || ((Number) number).longValue() > 3650) {
            throw new IllegalArgumentException(where + " must be a whole number of days from 0 to 3650, not '"
                    + number + "'");
        }
        return ((Number) number).intValue();
    }

    private static List<Ladder.Rung> rungs(String dimension, List<?> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("'" + dimension + "' has no values");
        }
        List<Ladder.Rung> rungs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> map) || !(map.get("code") instanceof String code) || code.isBlank()) {
                throw new IllegalArgumentException("every '" + dimension + "' entry needs a 'code'");
            }
            if (!seen.add(code)) {
                throw new IllegalArgumentException("'" + dimension + "' lists " + code + " twice");
            }
            for (Object field : map.keySet()) {
                if (!VALUE_FIELDS.contains(String.valueOf(field))) {
                    throw new IllegalArgumentException("'" + dimension + "' value " + code + ": unknown field '"
                            + field + "'; the fields are " + String.join(", ", VALUE_FIELDS));
                }
            }
            Object name = map.get("name");
            rungs.add(new Ladder.Rung(code, name == null ? code : name.toString(),
                    action(dimension + "." + code, map.get("action"))));
        }
        return rungs;
    }

    /** {@code warnings: {DRIFT_TO_LOW_LOW: {action: 发券召回}}}: the operating move per warning code. */
    private static Map<String, String> warningActions(String dimension, Object warnings) {
        Map<String, String> actions = new LinkedHashMap<>();
        if (warnings == null) {
            return actions;
        }
        if (!(warnings instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("'" + dimension + ".warnings' must map each warning code to {action}");
        }
        map.forEach((code, value) -> {
            if (!(value instanceof Map<?, ?> fields) || !fields.keySet().equals(Set.of("action"))) {
                throw new IllegalArgumentException("'" + dimension + ".warnings." + code + "' must be {action: …}");
            }
            actions.put(String.valueOf(code), action(dimension + ".warnings." + code, fields.get("action")));
        });
        return actions;
    }

    private static String action(String where, Object action) {
        if (action == null) {
            return null;
        }
        if (!(action instanceof String text) || text.isBlank() || text.length() > 200) {
            throw new IllegalArgumentException("'" + where + ".action' must be a short text (at most 200 characters)");
        }
        return text.strip();
    }
}
