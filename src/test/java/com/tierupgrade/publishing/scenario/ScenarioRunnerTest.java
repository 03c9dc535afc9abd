package com.tierupgrade.publishing.scenario;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.rules.engine.RuleSet;

/** The scenario runner against the shipped rules: what passes, and how each kind of mistake is reported. */
class ScenarioRunnerTest {

    private static final String FILE = "scenarios/test.yaml";
    /** Added WeCom, 2 purchases of 300 in the period: RELIANT, FOLLOWER. */
    private static final String REPEAT_BUYER = """
              asOf: 2026-11-20T00:00:00Z
              attributes: {addedWeCom: true, distributorOptIn: true, distributorRefused: true}
              events:
                - {id: o1, type: PURCHASE, daysAgo: 20, amount: 300}
                - {id: o2, type: PURCHASE, daysAgo: 50, amount: 300}
            """;

    private static RuleSet ruleSet;
    private final ScenarioRunner runner = new ScenarioRunner();

    @BeforeAll
    static void compileTheShippedRules() {
        ruleSet = new RuleSetCompiler().compile(Path.of("rules"));
    }

    private List<ScenarioResult> run(String content) {
        return runner.run(ruleSet, Map.of(FILE, content));
    }

    private ScenarioResult only(String content) {
        List<ScenarioResult> results = run(content);
        assertEquals(1, results.size(), results::toString);
        return results.get(0);
    }

    private static void assertFailsWith(ScenarioResult result, String... failures) {
        assertAll(() -> assertFalse(result.passed(), result::toString),
                () -> assertEquals(List.of(failures), result.failures(), result::toString));
    }

    @Test
    void shouldPassWhenTheDecisionIsAsExpected() {
        ScenarioResult result = only("""
                - name: 拒绝分销的复购客户
                """ + REPEAT_BUYER + """
                  expect:
                    stage: RELIANT
                    tier: 跟从用户
                    heldBack: [DISTRIBUTOR]
                """);
        assertEquals(new ScenarioResult(FILE, "拒绝分销的复购客户", true, List.of()), result);
    }

    @Test
    void shouldReportWrongExpectationWithScenarioExpectedAndActual() {
        ScenarioResult result = only("""
                - name: 复购客户应是分销用户
                """ + REPEAT_BUYER + """
                  expect:
                    stage: TRUSTING
                    tier: DISTRIBUTOR
                """);
        assertEquals(FILE, result.file());
        assertEquals("复购客户应是分销用户", result.scenario());
        assertFalse(result.passed());
        assertEquals(3, result.failures().size(), result::toString);
        assertTrue(result.failures().get(0).startsWith("stage: expected TRUSTING, got RELIANT — because: "),
                result::toString);
        assertEquals("tier: expected DISTRIBUTOR, got FOLLOWER — DISTRIBUTOR was held back: 用户明确拒绝分销,不硬推 "
                + "(rule 明确拒绝分销:不硬推)", result.failures().get(1));
        assertEquals("heldBack: expected [], got [DISTRIBUTOR] — DISTRIBUTOR: 用户明确拒绝分销,不硬推",
                result.failures().get(2));
    }

    @Test
    void shouldCompareHeldBackTiersExactlyInAnyOrder() {
        String scenario = """
                - name: 差评暂缓
                  asOf: 2026-03-01T12:00:00Z
                  attributes: {inGroup: true, distributorOptIn: true}
                  events:
                    - {id: p0, type: PURCHASE, daysAgo: 30, amount: 300}
                    - {id: p1, type: PURCHASE, daysAgo: 31, amount: 300}
                    - {id: s1, type: SHARE, daysAgo: 3, incentivized: true}
                    - {id: s2, type: SHARE, daysAgo: 4, incentivized: true}
                    - {id: rv, type: REVIEW, daysAgo: 10, rating: 2}
                  expect: {stage: RELIANT, tier: FOLLOWER, heldBack: HELD}
                """;
        assertTrue(only(scenario.replace("HELD", "[DISTRIBUTOR, SPREADER]")).passed());
        assertFailsWith(only(scenario.replace("HELD", "[DISTRIBUTOR]")),
                "heldBack: expected [DISTRIBUTOR], got [SPREADER, DISTRIBUTOR] — "
                        + "SPREADER: 问题用户:存在未解决的投诉或差评,暂停升级; DISTRIBUTOR: 问题用户:存在未解决的投诉或差评,暂停升级");
    }

    @Test
    void shouldTreatNoneAndNullAsNoValue() {
        // Without a connection there is a stage (未连接私域) but no tier.
        String scenario = """
                - name: 没有连接
                  asOf: 2026-03-01T12:00:00Z
                  attributes: {region: 北京}
                  expect: {stage: NOT_CONNECTED, tier: TIER}
                """;
        assertTrue(only(scenario.replace("TIER", "none")).passed());
        assertTrue(only(scenario.replace("TIER", "~")).passed());
        assertFailsWith(only(scenario.replace("TIER", "FOLLOWER")), "tier: expected FOLLOWER, got none");
    }

    @Test
    void shouldCheckThatEachReasonAppearsInTheDecisionOrItsHolds() {
        String scenario = """
                - name: 原因
                """ + REPEAT_BUYER + """
                  expect:
                    stage: RELIANT
                    tier: FOLLOWER
                    heldBack: [DISTRIBUTOR]
                    reasons: REASONS
                """;
        assertTrue(only(scenario.replace("REASONS", "[\"用户明确拒绝分销,不硬推\", \"近90天购买 2 次\"]")).passed(),
                "a held-back reason and part of a stage reason are found");
        ScenarioResult result = only(scenario.replace("REASONS", "[羊毛党]"));
        assertFalse(result.passed());
        assertEquals(1, result.failures().size(), result::toString);
        assertTrue(result.failures().get(0).startsWith("reasons: expected a reason containing \"羊毛党\", got ["),
                result::toString);
        assertTrue(result.failures().get(0).contains("\"用户明确拒绝分销,不硬推\""), result::toString);
    }

    @Test
    void shouldReportInvalidFactsByFieldWithoutStoppingTheOtherScenarios() {
        List<ScenarioResult> results = run("""
                - name: 金额是负数
                  asOf: 2026-11-20T00:00:00Z
                  attributes: {addedWeCom: "yes"}
                  events:
                    - {id: o1, type: PURCHASE, daysAgo: 3, amount: -5}
                    - {id: o2, type: ORDER, daysAgo: 3}
                  expect: {stage: FAMILIAR, tier: FOLLOWER}
                - name: 正常场景
                  asOf: 2026-11-20T00:00:00Z
                  attributes: {addedWeCom: true}
                  expect: {stage: FAMILIAR, tier: FOLLOWER}
                """);
        assertEquals(2, results.size());
        ScenarioResult invalid = results.get(0);
        assertEquals("金额是负数", invalid.scenario());
        assertFalse(invalid.passed());
        assertTrue(invalid.failures().contains("attributes.addedWeCom: must be true or false"), invalid::toString);
        assertTrue(invalid.failures().contains("events[0].amount: must be a number ≥ 0"), invalid::toString);
        assertTrue(invalid.failures().stream().anyMatch(f -> f.startsWith("events[1].type: unknown event type 'ORDER'")),
                invalid::toString);
        assertTrue(results.get(1).passed(), results.get(1)::toString);
    }

    @Test
    void shouldReportMistakesInTimes() {
        ScenarioResult result = only("""
                - name: 时间写错
                  asOf: 2026-11-20T00:00:00Z
                  events:
                    - {id: o1, type: PURCHASE, daysAgo: 3, at: 2026-11-01T00:00:00Z, amount: 1}
                    - {id: o2, type: PURCHASE, daysAgo: -1, amount: 1}
                    - {id: o3, type: PURCHASE, daysAgo: 2.5, amount: 1}
                    - {id: o4, type: PURCHASE, amount: 1}
                    - {id: o5, type: PURCHASE, at: 2026-11-21T00:00:00Z, amount: 1}
                    - {id: o6, type: PURCHASE, at: 2026-11-01, amount: 1}
                  expect: {stage: TRUSTING, tier: FOLLOWER}
                """);
        assertFailsWith(result,
                "events[0]: give either at or daysAgo, not both",
                "events[1].daysAgo: must be a whole number ≥ 0: the days between the event and asOf",
                "events[2].daysAgo: must be a whole number ≥ 0: the days between the event and asOf",
                "events[3].at: is required: give daysAgo (days before asOf, such as 30) or at (a time such as "
                        + "2026-11-01T10:00:00Z)",
                "events[4].at: must not be after asOf (2026-11-20T00:00:00Z): an event after the evaluation time "
                        + "does not count",
                "events[5].at: must be an ISO-8601 time with an offset, such as 2026-11-01T10:00:00Z or "
                        + "2026-11-01T18:00:00+08:00, from 1900-01-01 to 9999-12-31");
        assertFailsWith(only("""
                - name: asOf 写错
                  asOf: 2026-11-20
                  events: [{id: o1, type: PURCHASE, daysAgo: 3, amount: 1}]
                  expect: {stage: TRUSTING, tier: FOLLOWER}
                """), "asOf: must be an ISO-8601 time with an offset, such as 2026-11-01T10:00:00Z or "
                + "2026-11-01T18:00:00+08:00, from 1900-01-01 to 9999-12-31");
    }

    @Test
    void shouldEvaluateAtAsOfWhetherInThePastOrTheFuture() {
        String scenario = """
                - name: 任意评估时间
                  asOf: AS_OF
                  attributes: {inGroup: true}
                  events:
                    - {type: PURCHASE, daysAgo: 89, amount: 600}
                    - {type: PURCHASE, at: 2019-12-01T00:00:00+08:00, amount: 600}
                  expect: {stage: STAGE, tier: HEAVY_CONSUMER}
                """;
        assertTrue(only(scenario.replace("AS_OF", "2020-01-01T00:00:00Z").replace("STAGE", "RELIANT")).passed(),
                "two purchases within 90 days of a past asOf; events need no id");
        ScenarioResult future = only(scenario.replace("AS_OF", "2099-01-01T00:00:00Z").replace("STAGE", "RELIANT"));
        assertFalse(future.passed());
        assertEquals(2, future.failures().size(), future::toString);
        assertTrue(future.failures().get(0).startsWith("stage: expected RELIANT, got TRUSTING — because: "),
                "in 2099 only the purchase 89 days before counts: " + future);
        assertTrue(future.failures().get(1).startsWith("tier: expected HEAVY_CONSUMER, got FOLLOWER — because: "),
                future::toString);
    }

    @Test
    void shouldReportUnknownAndMissingFields() {
        ScenarioResult result = only("""
                - asOf: 2026-11-20T00:00:00Z
                  attribute: {inGroup: true}
                  expect: {tier: DISTRIBUTER, heldback: [SPREADER]}
                """);
        assertEquals("scenario #1 (line 1)", result.scenario());
        assertFailsWith(result,
                "attribute: unknown field; the fields are name, asOf, attributes, events, previous, cutOffs, expect, later",
                "name: is required: a short sentence saying what the scenario proves",
                "expect.heldback: unknown field; the fields are the dimensions of ladders.yaml (stage, tier …), "
                        + "heldBack, reasons, warnings, measures");
        assertFailsWith(only("""
                - name: 维度拼错
                  asOf: 2026-11-20T00:00:00Z
                  expect: {tier: none, lifecycel: NEW}
                """), "expect.lifecycel: unknown field; the fields are stage, tier, influencer, buyerGroup, tierRoles, relationship, rfm, lifecycle, "
                + "quadrant, sensitivity, population (the dimensions of ladders.yaml), heldBack, reasons, warnings, "
                + "measures");
        assertFailsWith(only("""
                - name: 层级拼错
                  asOf: 2026-11-20T00:00:00Z
                  expect: {stage: none, tier: DISTRIBUTER, heldBack: [铁杆粉丝]}
                """), "expect.tier: 'DISTRIBUTER' is not a tier of ladders.yaml; the tier values are FOLLOWER (跟从用户), "
                + "SPREADER (扩散用户), INFLUENCER (影响力用户), DIE_HARD_FAN (铁杆粉丝), HEAVY_CONSUMER (重度消费用户), "
                + "DISTRIBUTOR (分销用户), or none");
    }

    @Test
    void shouldReportDuplicateNames() {
        List<ScenarioResult> results = run("""
                - {name: 同名, asOf: 2026-11-20T00:00:00Z, expect: {stage: NOT_CONNECTED, tier: none}}
                - {name: 同名, asOf: 2026-11-20T00:00:00Z, expect: {stage: NOT_CONNECTED, tier: none}}
                """);
        assertTrue(results.get(0).passed());
        assertFailsWith(results.get(1), "name: another scenario of this file has the same name; names must be unique");
    }

    @Test
    void shouldReportMalformedYamlWithFileAndLine() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("scenarios/broken.yaml", """
                - name: 缩进错误
                  asOf: 2026-11-20T00:00:00Z
                  expect:
                    stage: NOT_CONNECTED
                     tier: none
                """);
        files.put("scenarios/not-a-list.yaml", "name: 只有一个场景\n");
        files.put("scenarios/empty.yaml", "# 只有注释\n");
        files.put("scenarios/good.yaml", "- {name: 好的, asOf: 2026-11-20T00:00:00Z, expect: {stage: NOT_CONNECTED, tier: none}}");
        List<ScenarioResult> results = runner.run(ruleSet, files);
        assertEquals(4, results.size(), results::toString);

        ScenarioResult broken = results.get(0);
        assertEquals("scenarios/broken.yaml", broken.file());
        assertEquals(ScenarioResult.WHOLE_FILE, broken.scenario());
        assertFalse(broken.passed());
        assertTrue(broken.failures().get(0).startsWith("YAML syntax error at line 5"), broken::toString);

        assertFailsWith(results.get(1),
                "line 1: the file must be a list of scenarios, each starting with '- name:'");
        assertFailsWith(results.get(2),
                "the file holds no scenarios; it must be a list of scenarios, each starting with '- name:'");
        assertTrue(results.get(3).passed());
        assertTrue(ScenarioRunner.report(results).startsWith("3 of 4 scenarios failed:\n  scenarios/broken.yaml › "
                + "(whole file): FAILED\n    - YAML syntax error at line 5"), ScenarioRunner.report(results));
    }

    @Test
    void shouldReadTheScenarioFilesOfARulesDirectory(@TempDir Path rules) throws IOException {
        assertEquals(Map.of(), ScenarioRunner.readScenarioFiles(rules));
        Files.createDirectory(rules.resolve("scenarios"));
        Files.writeString(rules.resolve("scenarios/b.yaml"), "- b");
        Files.writeString(rules.resolve("scenarios/a.yaml"), "- a");
        Files.writeString(rules.resolve("scenarios/notes.txt"), "not a scenario file");
        Files.writeString(rules.resolve("tiers.drl"), "not in scenarios/");
        assertEquals(List.of("scenarios/a.yaml", "scenarios/b.yaml"),
                List.copyOf(ScenarioRunner.readScenarioFiles(rules).keySet()));
        assertEquals("- a", ScenarioRunner.readScenarioFiles(rules).get("scenarios/a.yaml"));
    }
}
