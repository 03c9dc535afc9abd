package com.tierupgrade.publishing.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads one scenario file: a YAML list of scenarios. A file that is not YAML or not a list is refused with
 * {@link InvalidScenarioFile} (message with the line); a scenario with unknown or missing fields is returned with
 * its {@link Scenario#problems() problems}, so that the other scenarios of the file still run.
 */
public class ScenarioReader {

    static final List<String> SCENARIO_FIELDS = List.of("name", "asOf", "attributes", "events", "previous",
            "cutOffs", "expect", "later");
    /** Besides these, every key of expect names a dimension of ladders.yaml (checked when the scenario runs). */
    static final List<String> EXPECT_FIELDS = List.of("heldBack", "reasons", "warnings", "measures");
    /** Written for "no stage" / "no tier", besides YAML's null ({@code ~}). */
    private static final Set<String> NONE = Set.of("none", "null");
    private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

    private final ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    /** The file cannot be read as a list of scenarios at all. */
    public static class InvalidScenarioFile extends RuntimeException {
        public InvalidScenarioFile(String message) {
            super(message);
        }
    }

    public List<Scenario> read(String content) {
        List<Scenario> scenarios = new ArrayList<>();
        try (JsonParser parser = yaml.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidScenarioFile("the file holds no scenarios; it must be a list of scenarios, "
                        + "each starting with '- name:'");
            }
            if (first != JsonToken.START_ARRAY) {
                throw new InvalidScenarioFile("line " + parser.currentTokenLocation().getLineNr()
                        + ": the file must be a list of scenarios, each starting with '- name:'");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int line = parser.currentTokenLocation().getLineNr();
                Object value = parser.readValueAs(Object.class);
                scenarios.add(scenario(value, Math.max(line, 0), scenarios.size() + 1));
            }
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioFile(syntaxError(e));
        } catch (IOException e) {
            throw new InvalidScenarioFile("cannot be read: " + e.getMessage());
        }
        if (scenarios.isEmpty()) {
            throw new InvalidScenarioFile("the file holds no scenarios; it must be a list of scenarios, "
                    + "each starting with '- name:'");
        }
        return scenarios;
    }

    private static String syntaxError(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        // SnakeYAML writes "what" lines, each followed by " in 'reader', line L, column C:" and a quote of the text.
        // Keep the "what" lines, and the first position: where the broken construct starts.
        String what = original.lines().filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining(": "));
        Matcher mark = MARK.matcher(original);
        String where;
        if (mark.find()) {
            where = " at line " + mark.group(1) + ", column " + mark.group(2);
        } else {
            JsonLocation location = e.getLocation();
            where = location == null || location.getLineNr() <= 0 ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        }
        return "YAML syntax error" + where + ": " + (what.isEmpty() ? original.strip() : what);
    }

    private static Scenario scenario(Object value, int line, int position) {
        String standIn = "scenario #" + position + (line > 0 ? " (line " + line + ")" : "");
        List<String> problems = new ArrayList<>();
        if (!(value instanceof Map<?, ?> map)) {
            problems.add("each scenario must be a mapping with name, asOf, attributes, events and expect");
            return new Scenario(standIn, line, null, Map.of(), List.of(), Map.of(), Map.of(), null, List.of(),
                    problems);
        }
        unknownFields("", map, SCENARIO_FIELDS, problems);

        String name = standIn;
        Object givenName = map.get("name");
        if (givenName instanceof Map || givenName instanceof List
                || givenName == null || givenName.toString().isBlank()) {
            problems.add("name: is required: a short sentence saying what the scenario proves");
        } else {
            name = givenName.toString().strip();
        }

        String asOf = null;
        Object givenAsOf = map.get("asOf");
        if (givenAsOf == null) {
            problems.add("asOf: is required: the evaluation time, such as 2026-11-20T00:00:00Z");
        } else if (givenAsOf instanceof Map || givenAsOf instanceof List) {
            problems.add("asOf: must be an ISO-8601 time with an offset, such as 2026-11-20T00:00:00Z");
        } else {
            asOf = givenAsOf.toString();
        }

        Map<String, Object> attributes = new LinkedHashMap<>();
        Object givenAttributes = map.get("attributes");
        if (givenAttributes instanceof Map<?, ?> attributeMap) {
            attributeMap.forEach((key, attribute) -> attributes.put(String.valueOf(key), attribute));
        } else if (givenAttributes != null) {
            problems.add("attributes: must be a mapping, such as {addedWeCom: true, region: 北京}");
        }

        List<Map<String, Object>> events = new ArrayList<>();
        Object givenEvents = map.get("events");
        if (givenEvents instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> eventMap) {
                    Map<String, Object> event = new LinkedHashMap<>();
                    eventMap.forEach((key, field) -> event.put(String.valueOf(key), field));
                    events.add(event);
                } else {
                    problems.add("events[" + i + "]: must be a mapping, such as "
                            + "{id: o1, type: PURCHASE, daysAgo: 30, amount: 300}");
                }
            }
        } else if (givenEvents != null) {
            problems.add("events: must be a list of events, one '- {id: …, type: …, daysAgo: …}' per line");
        }

        Map<String, String> previous = new LinkedHashMap<>();
        Object givenPrevious = map.get("previous");
        if (givenPrevious instanceof Map<?, ?> previousMap) {
            previousMap.forEach((dimension, code) -> {
                if (code instanceof String text && !text.isBlank()) {
                    previous.put(String.valueOf(dimension), text.strip());
                } else {
                    problems.add("previous." + dimension + ": must be a code of that dimension");
                }
            });
        } else if (givenPrevious != null) {
            problems.add("previous: must be a mapping of dimension to its previous value, such as "
                    + "{quadrant: HIGH_FREQ_HIGH_VALUE}");
        }

        Map<String, Double> cutOffs = numbers(map.get("cutOffs"), "cutOffs", "{superUserSpend: 5000}", problems);

        Scenario.Expectation expect = null;
        Object givenExpect = map.get("expect");
        if (givenExpect instanceof Map<?, ?> expectMap) {
            expect = expectation(expectMap, problems);
        } else {
            problems.add("expect: is required: a mapping such as {stage: RELIANT, tier: FOLLOWER}, with any dimension "
                    + "of ladders.yaml, heldBack, reasons, warnings and measures");
        }
        List<Scenario.Later> later = later(map.get("later"), problems);
        return new Scenario(name, line, asOf, attributes, events, previous, cutOffs, expect, later, problems);
    }

    /** {@code later: [{daysLater: 100, expect: {tier: DISTRIBUTOR}}, …]}, days increasing. */
    private static List<Scenario.Later> later(Object given, List<String> problems) {
        List<Scenario.Later> steps = new ArrayList<>();
        if (given == null) {
            return steps;
        }
        if (!(given instanceof List<?> list)) {
            problems.add("later: must be a list of later evaluations, such as - {daysLater: 100, expect: {tier: …}}");
            return steps;
        }
        int last = 0;
        for (int i = 0; i < list.size(); i++) {
            String field = "later[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> step)) {
                problems.add(field + ": must be a mapping with daysLater and expect");
                continue;
            }
            unknownFields(field + ".", step, List.of("daysLater", "expect"), problems);
            Object days = step.get("daysLater");
            if (!(days instanceof Integer number) || number <= last) {
                problems.add(field + ".daysLater: must be a whole number of days after asOf, larger than the step "
                        + "before (" + last + ")");
                continue;
            }
            last = number;
            if (!(step.get("expect") instanceof Map<?, ?> expectMap)) {
                problems.add(field + ".expect: is required: what the decision must be then, such as {tier: …}");
                continue;
            }
            steps.add(new Scenario.Later(number, expectation(expectMap, problems)));
        }
        return steps;
    }

    private static Scenario.Expectation expectation(Map<?, ?> map, List<String> problems) {
        if (map.isEmpty()) {
            problems.add("expect: must say what the decision must be, such as {stage: RELIANT, tier: FOLLOWER}");
        }
        Map<String, String> dimensions = new LinkedHashMap<>();
        Map<String, List<String>> roles = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String field = String.valueOf(entry.getKey());
            if (EXPECT_FIELDS.contains(field)) {
                continue;
            }
            if (entry.getValue() instanceof List) {
                // the roles a multi-valued dimension must hold, exactly these
                roles.put(field, texts(entry.getValue(), "expect." + field, "codes, such as [SPREADER, HEAVY_CONSUMER]",
                        problems));
            } else if (entry.getValue() instanceof Map) {
                problems.add("expect." + field + ": unknown field; the fields are the dimensions of ladders.yaml "
                        + "(stage, tier …), " + String.join(", ", EXPECT_FIELDS));
            } else {
                dimensions.put(field, code(map, field, problems));
            }
        }
        // Held-back tiers are checked with the tier: "tier: FOLLOWER" alone also says "and nothing held back".
        List<String> heldBack = map.containsKey("heldBack") || map.containsKey("tier")
                ? texts(map.get("heldBack"), "expect.heldBack", "tiers, such as [DISTRIBUTOR]", problems)
                : null;
        List<String> reasons = texts(map.get("reasons"), "expect.reasons", "texts, such as [\"用户明确拒绝分销\"]",
                problems);
        List<String> warnings = map.containsKey("warnings")
                ? texts(map.get("warnings"), "expect.warnings", "warning codes, such as [DRIFT_TO_LOW_LOW]", problems)
                : null;
        Map<String, Double> measures = numbers(map.get("measures"), "expect.measures", "{recencyDays: 12}", problems);
        return new Scenario.Expectation(dimensions, roles, heldBack, reasons, warnings, measures);
    }

    /** Absent: empty. A mapping of names to numbers. */
    private static Map<String, Double> numbers(Object value, String field, String example, List<String> problems) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        if (value == null) {
            return numbers;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(field + ": must be a mapping of names to numbers, such as " + example);
            return numbers;
        }
        map.forEach((name, number) -> {
            if (number instanceof Number n) {
                numbers.put(String.valueOf(name), n.doubleValue());
            } else {
                problems.add(field + "." + name + ": must be a number");
            }
        });
        return numbers;
    }

    /** A dimension's value: a code or display name; ~, null or none for "no value". */
    private static String code(Map<?, ?> map, String field, List<String> problems) {
        Object value = map.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            problems.add("expect." + field + ": must be a " + field + " code such as "
                    + (field.equals("stage") ? "RELIANT" : field.equals("tier") ? "FOLLOWER" : "a code of ladders.yaml")
                    + ", or none");
            return null;
        }
        return NONE.contains(text.strip().toLowerCase(Locale.ROOT)) ? null : text.strip();
    }

    /** Absent or null: empty. One text or a list of texts. */
    private static List<String> texts(Object value, String field, String example, List<String> problems) {
        if (value == null) {
            return List.of();
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        List<String> texts = new ArrayList<>();
        for (Object item : items) {
            if (item == null || item instanceof Map || item instanceof List || item.toString().isBlank()) {
                problems.add(field + ": must be a list of " + example);
                return List.of();
            }
            texts.add(item.toString().strip());
        }
        return texts;
    }

    private static void unknownFields(String prefix, Map<?, ?> map, List<String> known, List<String> problems) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problems.add(prefix + key + ": unknown field; the fields are " + String.join(", ", known));
            }
        }
    }
}
