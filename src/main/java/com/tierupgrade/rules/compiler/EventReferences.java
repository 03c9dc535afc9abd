package com.tierupgrade.rules.compiler;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tierupgrade.facts.EventTypes;

/**
 * Rules name event types and fields in text: {@code Event( type == "PURCHASE", amount >= 100 )}. A type or field
 * that events.yaml does not declare would simply never match, so every {@code Event( … )} pattern of a .drl file, and
 * of a .dslr file once its sentences are expanded, is checked against the declaration before the rule set is accepted.
 */
final class EventReferences {

    private static final Pattern EVENT_PATTERN = Pattern.compile("(?<![\\w.$])Event\\s*\\(");
    private static final Pattern TYPE_EQUALS = Pattern.compile("\\btype\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern TYPE_IN = Pattern.compile("\\btype\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    /** The generic accessors of rules.fact.Event that take a field name. */
    private static final Pattern NAMED_FIELD = Pattern.compile("\\b(?:field|flag|number|text|has)\\s*\\(\\s*\"([^\"]*)\"");
    /** The shorthand properties of rules.fact.Event and the field each one reads. */
    private static final Map<String, String> PROPERTIES = Map.of("amount", "amount", "rating", "rating",
            "couponUsed", "couponUsed", "resolved", "resolved", "incentivized", "incentivized",
            "responded", "responded", "kind", "kind", "brand", "brand");
    private static final Pattern PROPERTY = Pattern.compile("(?<![\\w.$\"])(" + String.join("|", PROPERTIES.keySet())
            + ")\\b(?!\\s*\\()");

    private EventReferences() {
    }

    static List<RuleSetInvalid.Problem> check(Map<String, String> ruleFiles, EventTypes types) {
        List<RuleSetInvalid.Problem> problems = new ArrayList<>();
        ruleFiles.forEach((file, content) -> {
            if (file.endsWith(".drl")) {
                check(file, content, types, problems);
            } else if (file.endsWith(".dslr")) {
                DslExpansion.expand(content, ruleFiles).ifPresent(expanded -> check(file, expanded, types, problems));
            }
        });
        return problems.stream().distinct().toList();
    }

    private static void check(String file, String content, EventTypes types, List<RuleSetInvalid.Problem> problems) {
        Matcher event = EVENT_PATTERN.matcher(content);
        while (event.find()) {
            String constraints = balanced(content, event.end());
            int line = LadderReferences.lineOf(content, event.start());
            Set<String> named = typesIn(constraints);
            for (String type : named) {
                if (!types.contains(type)) {
                    problems.add(new RuleSetInvalid.Problem(file, line, 0, "'" + type + "' is not an event type of "
                            + EventTypes.FILE + "; the types are " + types.names()));
                }
            }
            for (String field : fieldsIn(constraints)) {
                List<String> declaredIn = named.isEmpty() ? types.names() : List.copyOf(named);
                boolean declared = declaredIn.stream().filter(types::contains)
                        .anyMatch(type -> types.field(type, field).isPresent());
                boolean typesKnown = declaredIn.stream().allMatch(types::contains);
                if (!declared && typesKnown) {
                    problems.add(new RuleSetInvalid.Problem(file, line, 0, "'" + field + "' is not a field of "
                            + (named.isEmpty() ? "any event type" : String.join(" or ", named)) + " in "
                            + EventTypes.FILE));
                }
            }
        }
    }

    private static Set<String> typesIn(String constraints) {
        Set<String> named = new LinkedHashSet<>();
        Matcher equals = TYPE_EQUALS.matcher(constraints);
        while (equals.find()) {
            named.add(equals.group(1));
        }
        Matcher in = TYPE_IN.matcher(constraints);
        while (in.find()) {
            Matcher quoted = QUOTED.matcher(in.group(1));
            while (quoted.find()) {
                named.add(quoted.group(1));
            }
        }
        return named;
    }

    private static Set<String> fieldsIn(String constraints) {
        Set<String> fields = new LinkedHashSet<>();
        Matcher named = NAMED_FIELD.matcher(constraints);
        while (named.find()) {
            fields.add(named.group(1));
        }
        Matcher property = PROPERTY.matcher(QUOTED.matcher(constraints).replaceAll("\"\""));
        while (property.find()) {
            fields.add(PROPERTIES.get(property.group(1)));
        }
        return fields;
    }

    /** The text from {@code start} up to the parenthesis that closes the one just before it (strings skipped). */
    private static String balanced(String content, int start) {
        int depth = 1;
        boolean inString = false;
        for (int i = start; i < content.length(); i++) {
            char c = content.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return content.substring(start, i);
            }
        }
        return content.substring(start);
    }
}
