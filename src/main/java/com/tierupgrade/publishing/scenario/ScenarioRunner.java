package com.tierupgrade.publishing.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tierupgrade.decision.Decision;
import com.tierupgrade.decision.DimensionValue;
import com.tierupgrade.decision.HeldBackTier;
import com.tierupgrade.decision.MeasureValue;
import com.tierupgrade.decision.RaisedWarning;
import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.facts.FactsRequest;
import com.tierupgrade.facts.FactsValidator;
import com.tierupgrade.facts.InvalidFacts;
import com.tierupgrade.facts.ValidFacts;
import com.tierupgrade.rules.engine.CutOffDefinition;
import com.tierupgrade.rules.engine.EvaluationContext;
import com.tierupgrade.rules.engine.Ladder;
import com.tierupgrade.rules.engine.RuleEngine;
import com.tierupgrade.rules.engine.RuleSet;
import com.tierupgrade.rules.fact.CutOff;
import com.tierupgrade.web.FieldProblem;

/**
 * Runs the scenarios of {@code rules/scenarios/*.yaml} against a rule set: each scenario's facts go through the same
 * validation as the API, are evaluated at the scenario's {@code asOf}, and the decision is compared with what the
 * scenario expects. Nothing is stored. A scenario never throws: whatever is wrong becomes a failure line.
 */
public class ScenarioRunner {

    /** The folder of the rules directory that holds the scenario files. */
    public static final String DIRECTORY = "scenarios";
    private static final String CUSTOMER_ID = "scenario";
    /** Stands in for an asOf that is missing or unreadable, so the other fields are still checked. */
    private static final Instant STAND_IN_AS_OF = Instant.parse("9999-01-01T00:00:00Z");
    private static final Pattern EVENT_AT = Pattern.compile("events\\[\\d+]\\.at");

    private final ScenarioReader reader = new ScenarioReader();
    private final RuleEngine engine;
    private final ObjectMapper json = new ObjectMapper();

    /** A runner whose evaluations have the default budget. */
    public ScenarioRunner() {
        this(new RuleEngine());
    }

    /** A runner whose evaluations have the budget of {@code engine}. */
    public ScenarioRunner(RuleEngine engine) {
        this.engine = engine;
    }

    /** The scenario files of a rules directory ({@code scenarios/*.yaml}), by {@code scenarios/<file name>}. */
    public static Map<String, String> readScenarioFiles(Path rulesDirectory) {
        Map<String, String> files = new TreeMap<>();
        Path directory = rulesDirectory.resolve(DIRECTORY);
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String name = path.getFileName().toString();
                if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                    files.put(DIRECTORY + "/" + name, Files.readString(path, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the scenarios in " + directory, e);
        }
        return files;
    }

    /** Every scenario of every file, in the order of the map and of each file. */
    public List<ScenarioResult> run(RuleSet ruleSet, Map<String, String> scenarioFiles) {
        List<ScenarioResult> results = new ArrayList<>();
        scenarioFiles.forEach((file, content) -> {
            List<Scenario> scenarios;
            try {
                scenarios = reader.read(content == null ? "" : content);
            } catch (ScenarioReader.InvalidScenarioFile e) {
                results.add(ScenarioResult.of(file, ScenarioResult.WHOLE_FILE, List.of(e.getMessage())));
                return;
            }
            Set<String> names = new HashSet<>();
            for (Scenario scenario : scenarios) {
                List<String> failures = new ArrayList<>();
                if (!names.add(scenario.name())) {
                    failures.add("name: another scenario of this file has the same name; names must be unique");
                }
                failures.addAll(run(ruleSet, scenario));
                results.add(ScenarioResult.of(file, scenario.name(), failures));
            }
        });
        return results;
    }

    /** A report of the failed scenarios for people, or a one-line summary when all passed. */
    public static String report(List<ScenarioResult> results) {
        List<ScenarioResult> failed = results.stream().filter(result -> !result.passed()).toList();
        if (failed.isEmpty()) {
            return "All " + results.size() + " scenarios passed";
        }
        return failed.size() + " of " + results.size() + " scenarios failed:\n"
                + failed.stream().map(result -> "  " + result).collect(Collectors.joining("\n"));
    }

    /** The failures of one scenario; empty when it passed. */
    List<String> run(RuleSet ruleSet, Scenario scenario) {
        if (!scenario.problems().isEmpty()) {
            // a list under a name that is no dimension is a misspelt field, reported with the other problems
            List<String> problems = new ArrayList<>(scenario.problems());
            (scenario.expect() == null ? Map.<String, List<String>>of() : scenario.expect().roles()).keySet().stream()
                    .filter(name -> ruleSet.ladders().of(name).isEmpty())
                    .forEach(name -> problems.add("expect." + name + ": unknown field; the fields are the dimensions "
                            + "of ladders.yaml (stage, tier …), " + String.join(", ", ScenarioReader.EXPECT_FIELDS)));
            return problems;
        }
        List<String> failures = new ArrayList<>();
        Scenario.Expectation expect = expectationInCodes(ruleSet, scenario.expect(), failures);
        ValidFacts facts = facts(ruleSet, scenario, failures);
        if (!failures.isEmpty()) {
            return failures;
        }
        EvaluationContext context = context(ruleSet, scenario, facts.asOf(), failures);
        if (!failures.isEmpty()) {
            return failures;
        }
        Decision decision;
        try {
            decision = engine.evaluate(ruleSet, CUSTOMER_ID,
                    new CustomerFacts(facts.attributes(), facts.events()), facts.asOf(), context);
        } catch (RuntimeException e) {
            return List.of("evaluation failed: " + e.getMessage());
        } catch (StackOverflowError | OutOfMemoryError e) {
            // one call too deep or too large, refused at once; the rules must not be activated
            return List.of("evaluation failed: the rules ran out of " + (e instanceof StackOverflowError ? "stack"
                    : "memory") + " (" + e.getMessage() + ")");
        }
        compare(expect, decision, failures);
        // Later evaluations continue from the decision before, as a stored customer would.
        for (Scenario.Later later : scenario.later()) {
            String prefix = "later (" + later.daysLater() + " days): ";
            List<String> stepFailures = new ArrayList<>();
            Scenario.Expectation expected = expectationInCodes(ruleSet, later.expect(), stepFailures);
            Instant asOf = facts.asOf().plus(Duration.ofDays(later.daysLater()));
            if (stepFailures.isEmpty()) {
                try {
                    decision = engine.evaluate(ruleSet, CUSTOMER_ID,
                            new CustomerFacts(facts.attributes(), facts.events()), asOf,
                            new EvaluationContext(Optional.of(decision), context.cutOffs()));
                } catch (RuntimeException e) {
                    stepFailures.add("evaluation failed: " + e.getMessage());
                }
            }
            if (stepFailures.isEmpty()) {
                compare(expected, decision, stepFailures);
            }
            stepFailures.forEach(failure -> failures.add(prefix + failure));
            if (!stepFailures.isEmpty()) {
                break;
            }
        }
        return failures;
    }

    // ---- Facts ----------------------------------------------------------------------------------------------

    /**
     * The scenario's facts, validated like the API's. Times are checked against the scenario's asOf rather than the
     * clock, so that a scenario gives the same answer whenever it runs: asOf may be in the past or the future, and
     * no event may come after asOf (it would not count, which is never what a scenario means).
     */
    private ValidFacts facts(RuleSet ruleSet, Scenario scenario, List<String> failures) {
        Instant asOf = parse(scenario.asOf());
        Instant base = asOf == null ? STAND_IN_AS_OF : asOf;
        Set<String> reported = new HashSet<>();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < scenario.events().size(); i++) {
            events.add(event("events[" + i + "]", scenario.events().get(i), base, failures, reported));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("attributes", scenario.attributes());
        body.put("events", events);
        body.put("asOf", scenario.asOf());
        ValidFacts facts = null;
        try {
            FactsRequest request = json.convertValue(body, FactsRequest.class);
            facts = FactsValidator.validate(request, base, ruleSet.events());
        } catch (InvalidFacts invalid) {
            for (FieldProblem problem : invalid.problems()) {
                if (reported.contains(problem.field())) {
                    continue;
                }
                String message = EVENT_AT.matcher(problem.field()).matches()
                        && problem.message().equals("must not be in the future") ? afterAsOf(scenario) : problem.message();
                failures.add(problem.field() + ": " + message);
            }
            return null;
        } catch (IllegalArgumentException e) {
            failures.add("facts: " + e.getMessage());
            return null;
        }
        for (int i = 0; i < facts.events().size(); i++) {
            if (facts.events().get(i).at().isAfter(facts.asOf())) {
                failures.add("events[" + i + "].at: " + afterAsOf(scenario));
            }
        }
        return failures.isEmpty() ? facts : null;
    }

    private static String afterAsOf(Scenario scenario) {
        return "must not be after asOf (" + scenario.asOf() + "): an event after the evaluation time does not count";
    }

    /** The event as the API takes it: {@code daysAgo} becomes {@code at}, and a missing id is its position. */
    private static Map<String, Object> event(String path, Map<String, Object> written, Instant base,
            List<String> failures, Set<String> reported) {
        Map<String, Object> event = new LinkedHashMap<>(written);
        if (event.get("id") == null) {
            event.put("id", path);
        }
        boolean hasAt = event.get("at") != null;
        boolean hasDaysAgo = event.containsKey("daysAgo");
        Object daysAgo = event.remove("daysAgo");
        if (hasDaysAgo && hasAt) {
            failures.add(path + ": give either at or daysAgo, not both");
            reported.add(path + ".at");
        } else if (hasDaysAgo) {
            if (daysAgo instanceof Integer || daysAgo instanceof Long) {
                long days = ((Number) daysAgo).longValue();
                if (days >= 0) {
                    event.put("at", base.minus(Duration.ofDays(days)).toString());
                    return event;
                }
            }
            failures.add(path + ".daysAgo: must be a whole number ≥ 0: the days between the event and asOf");
            reported.add(path + ".at");
        } else if (!hasAt) {
            failures.add(path + ".at: is required: give daysAgo (days before asOf, such as 30) "
                    + "or at (a time such as 2026-11-01T10:00:00Z)");
            reported.add(path + ".at");
        }
        return event;
    }

    private static Instant parse(String time) {
        return time == null ? null : FactsValidator.parseTime(time).orElse(null);
    }

    // ---- Expectations ---------------------------------------------------------------------------------------

    /** The previous decision and the cut-offs the scenario gives, in codes; unknown names are failures. */
    private static EvaluationContext context(RuleSet ruleSet, Scenario scenario, Instant asOf, List<String> failures) {
        Map<String, DimensionValue> previous = new LinkedHashMap<>();
        scenario.previous().forEach((dimension, written) -> {
            String code = ladder(ruleSet, "previous." + dimension, dimension, failures)
                    .map(ladder -> code(ladder, "previous." + dimension, written, failures)).orElse(null);
            if (code != null) {
                previous.put(dimension, new DimensionValue(code, List.of()));
            }
        });
        List<CutOff> cutOffs = new ArrayList<>();
        scenario.cutOffs().forEach((name, value) -> ruleSet.cutOffs().stream()
                .filter(definition -> definition.name().equals(name)).findFirst().ifPresentOrElse(
                        definition -> cutOffs.add(new CutOff(name, definition.label(), value, 0, asOf)),
                        () -> failures.add("cutOffs." + name + ": not a cut-off of cutoffs.yaml; the cut-offs are "
                                + ruleSet.cutOffs().stream().map(CutOffDefinition::name).toList())));
        Optional<Decision> previousDecision = previous.isEmpty() ? Optional.empty()
                : Optional.of(Decision.of(previous, List.of(), List.of(), List.of(), List.of(), List.of(),
                        ruleSet.version(), asOf));
        return new EvaluationContext(previousDecision, cutOffs);
    }

    /** The expectation with display names turned into codes; an unknown dimension or value is a failure. */
    private static Scenario.Expectation expectationInCodes(RuleSet ruleSet, Scenario.Expectation expect,
            List<String> failures) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        expect.dimensions().forEach((dimension, written) -> ladder(ruleSet, "expect." + dimension, dimension, failures)
                .ifPresent(ladder -> dimensions.put(dimension, code(ladder, "expect." + dimension, written, failures))));
        Map<String, List<String>> roles = new LinkedHashMap<>();
        expect.roles().forEach((dimension, written) -> ladder(ruleSet, "expect." + dimension, dimension, failures)
                .ifPresent(ladder -> {
                    if (!ladder.multiValued()) {
                        failures.add("expect." + dimension + ": " + dimension + " holds one value; write it without a "
                                + "list (only a multiValued dimension of ladders.yaml holds several)");
                        return;
                    }
                    List<String> codes = new ArrayList<>();
                    written.forEach(value -> codes.add(code(ladder, "expect." + dimension, value, failures)));
                    codes.removeIf(Objects::isNull);
                    codes.sort(Comparator.comparingInt(ladder::rank));
                    roles.put(dimension, codes);
                }));
        dimensions.forEach((dimension, code) -> ruleSet.ladders().of(dimension).filter(Ladder::multiValued)
                .ifPresent(ladder -> failures.add("expect." + dimension + ": " + dimension + " holds several values;"
                        + " write them as a list, such as [" + ladder.rungs().get(0).code() + "], or [] for none")));
        Ladder tiers = ruleSet.ladders().tier();
        List<String> heldBack = expect.heldBack() == null ? null : new ArrayList<>();
        for (String held : expect.heldBack() == null ? List.<String>of() : expect.heldBack()) {
            String code = code(tiers, "expect.heldBack", held, failures);
            if (code != null && !heldBack.contains(code)) {
                heldBack.add(code);
            }
        }
        if (heldBack != null) {
            heldBack.sort(Comparator.comparingInt(tiers::rank));
        }
        return new Scenario.Expectation(dimensions, roles, heldBack, expect.reasons(), expect.warnings(),
                expect.measures());
    }

    private static Optional<Ladder> ladder(RuleSet ruleSet, String field, String dimension, List<String> failures) {
        Optional<Ladder> ladder = ruleSet.ladders().of(dimension);
        if (ladder.isEmpty()) {
            String dimensions = String.join(", ", ruleSet.ladders().byDimension().keySet());
            failures.add(field.startsWith("expect.")
                    ? field + ": unknown field; the fields are " + dimensions + " (the dimensions of ladders.yaml), "
                            + String.join(", ", ScenarioReader.EXPECT_FIELDS)
                    : field + ": '" + dimension + "' is not a dimension of ladders.yaml; the dimensions are "
                            + dimensions);
        }
        return ladder;
    }

    private static String code(Ladder ladder, String field, String written, List<String> failures) {
        if (written == null) {
            return null;
        }
        Optional<String> code = ladder.codeOf(written);
        if (code.isEmpty()) {
            String dimension = ladder.dimension();
            failures.add(field + ": '" + written + "' is not a " + dimension + " of ladders.yaml; the " + dimension
                    + " values are " + ladder.rungs().stream().map(rung -> rung.code() + " (" + rung.name() + ")")
                            .collect(Collectors.joining(", "))
                    + (field.equals("expect.heldBack") ? "" : ", or none"));
        }
        return code.orElse(null);
    }

    private static void compare(Scenario.Expectation expect, Decision decision, List<String> failures) {
        expect.dimensions().forEach((dimension, expected) -> {
            if (dimension.equals(Decision.TIER) || Objects.equals(expected, decision.valueOf(dimension))) {
                return;
            }
            failures.add(dimension + ": expected " + shown(expected) + ", got " + shown(decision.valueOf(dimension))
                    + because(decision.reasonsFor(dimension)));
        });
        expect.roles().forEach((dimension, expected) -> {
            if (!expected.equals(decision.rolesOf(dimension))) {
                failures.add(dimension + ": expected " + expected + ", got " + decision.rolesOf(dimension)
                        + because(decision.roles().getOrDefault(dimension, List.of()).stream()
                                .flatMap(value -> value.reasons().stream()).toList()));
            }
        });
        if (expect.dimensions().containsKey(Decision.TIER) && !Objects.equals(expect.tier(), decision.tier())) {
            String held = decision.heldBack().stream().filter(hold -> hold.tier().equals(expect.tier()))
                    .map(hold -> hold.reason() + " (rule " + hold.rule() + ")")
                    .collect(Collectors.joining("; "));
            failures.add("tier: expected " + shown(expect.tier()) + ", got " + shown(decision.tier())
                    + (held.isEmpty() ? because(decision.tierReasons())
                            : " — " + expect.tier() + " was held back: " + held));
        }
        Set<String> heldTiers = new LinkedHashSet<>();
        decision.heldBack().forEach(hold -> heldTiers.add(hold.tier()));
        if (expect.heldBack() != null && !heldTiers.equals(new LinkedHashSet<>(expect.heldBack()))) {
            failures.add("heldBack: expected " + expect.heldBack() + ", got " + List.copyOf(heldTiers)
                    + (heldTiers.isEmpty() ? "" : " — " + decision.heldBack().stream()
                            .map(hold -> hold.tier() + ": " + hold.reason()).collect(Collectors.joining("; "))));
        }
        if (expect.warnings() != null) {
            Set<String> raised = new LinkedHashSet<>();
            decision.warnings().forEach(warning -> raised.add(warning.code()));
            if (!raised.equals(new LinkedHashSet<>(expect.warnings()))) {
                failures.add("warnings: expected " + expect.warnings() + ", got " + List.copyOf(raised)
                        + decision.warnings().stream().map(warning -> " — " + warning.reason())
                                .collect(Collectors.joining()));
            }
        }
        expect.measures().forEach((name, expected) -> {
            Optional<MeasureValue> measure = decision.measures().stream()
                    .filter(value -> value.name().equals(name)).findFirst();
            if (measure.isEmpty() || Math.abs(measure.get().value() - expected) > 1e-6) {
                failures.add("measures." + name + ": expected " + expected + ", got "
                        + measure.map(value -> String.valueOf(value.value())).orElse("no such measure"));
            }
        });
        List<String> reasons = new ArrayList<>();
        decision.dimensions().values().forEach(value -> reasons.addAll(value.reasons()));
        decision.roles().values().forEach(held -> held.forEach(value -> reasons.addAll(value.reasons())));
        decision.heldBack().stream().map(HeldBackTier::reason).forEach(reasons::add);
        decision.warnings().stream().map(RaisedWarning::reason).forEach(reasons::add);
        for (String expected : expect.reasons()) {
            if (reasons.stream().noneMatch(reason -> reason.contains(expected))) {
                failures.add("reasons: expected a reason containing \"" + expected + "\", got "
                        + reasons.stream().map(reason -> "\"" + reason + "\"")
                                .collect(Collectors.joining(", ", "[", "]")));
            }
        }
    }

    private static String shown(String code) {
        return code == null ? "none" : code;
    }

    private static String because(List<String> reasons) {
        return reasons.isEmpty() ? "" : " — because: " + String.join("; ", reasons);
    }
}
