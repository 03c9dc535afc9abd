package com.tierupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tierupgrade.decision.Decision;
import com.tierupgrade.decision.HeldBackTier;
import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.facts.FactsRequest;
import com.tierupgrade.facts.FactsValidator;
import com.tierupgrade.facts.ValidFacts;
import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.rules.compiler.RuleSetInvalid;
import com.tierupgrade.rules.engine.RuleEngine;
import com.tierupgrade.rules.engine.RuleSet;
import com.tierupgrade.testing.FactsBody;
import com.tierupgrade.testing.ShippedRules;

/**
 * Marketers write rules in Chinese with the sentences of rules/marketing.dsl: a .dslr file of their own compiles
 * beside the shipped rules and decides, and a sentence the DSL does not know is refused with the file and line.
 */
class DslTest {

    private static final String FILE = "复购分销.dslr";

    /** Written as a marketer would, with the sentences of the issue: the example of docs/rules-dsl.md. */
    private static final String MARKETER_RULES = """
            package rules;

            import com.tierupgrade.rules.fact.*;

            规则 "分销用户:近90天复购"
            如果
                客户近90天购买次数至少2次
            那么
                升级为 分销用户,原因 "近90天购买 {购买次数} 次"
            结束

            规则 "暂停分销的客户先不升级"
            如果
                客户资料中 distributorPaused 为是
                客户已满足分销用户的条件
            那么
                暂缓升级 分销用户,原因 "客户要求暂停分销"
            结束
            """;

    private final RuleEngine engine = new RuleEngine();

    private static Map<String, String> shippedFilesWith(String name, String content) {
        Map<String, String> files = ShippedRules.files();
        files.put(name, content);
        return files;
    }

    private Decision evaluate(RuleSet ruleSet, FactsBody body) {
        FactsRequest request = new ObjectMapper().convertValue(body.json(), FactsRequest.class);
        ValidFacts facts = FactsValidator.validate(request, Instant.now(), ruleSet.events());
        return engine.evaluate(ruleSet, "c1", new CustomerFacts(facts.attributes(), facts.events()), facts.asOf());
    }

    /** The problem the DSL reports for a line it cannot translate; the compiler may report follow-on problems too. */
    private static RuleSetInvalid.Problem untranslatedLineIn(String file, Map<String, String> files) {
        RuleSetInvalid invalid = assertThrows(RuleSetInvalid.class, () -> new RuleSetCompiler().compile("draft", files));
        return invalid.problems().stream()
                .filter(p -> p.file().equals(file) && p.message().contains("Unable to expand")).findFirst()
                .orElseThrow(() -> new AssertionError("no untranslated line in " + file + ": " + invalid.getMessage()));
    }

    /** The 1-based line of the first line of {@code text} that contains {@code part}. */
    private static int lineOf(String text, String part) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(part);
    }

    @Test
    void shouldDecideWithRulesAMarketerWroteInChinese() {
        RuleSet ruleSet = new RuleSetCompiler().compile("draft", shippedFilesWith(FILE, MARKETER_RULES));

        Decision twoRecentPurchases = evaluate(ruleSet, FactsBody.facts().with("inGroup", true).purchases("p", 2, 300, 85));
        assertAll(() -> assertEquals("DISTRIBUTOR", twoRecentPurchases.tier()),
                () -> assertEquals(List.of("近90天购买 2 次"), twoRecentPurchases.tierReasons()),
                () -> assertTrue(twoRecentPurchases.firedRules().contains("分销用户:近90天复购"),
                        twoRecentPurchases.firedRules().toString()));

        Decision paused = evaluate(ruleSet,
                FactsBody.facts().with("inGroup", true).purchases("p", 2, 300, 85).with("distributorPaused", true));
        assertAll(() -> assertEquals("FOLLOWER", paused.tier()),
                () -> assertEquals(List.of(new HeldBackTier("DISTRIBUTOR", "客户要求暂停分销", "暂停分销的客户先不升级")),
                        paused.heldBack()));

        Decision olderPurchases = evaluate(ruleSet, FactsBody.facts().with("inGroup", true).purchases("p", 2, 300, 95));
        assertEquals("FOLLOWER", olderPurchases.tier(), "purchases more than 90 days ago do not count");
    }

    @Test
    void shouldRefuseASentenceTheDslDoesNotKnowWithFileAndLine() {
        String rules = MARKETER_RULES.replace("客户近90天购买次数至少2次", "客户最近很活跃");
        RuleSetInvalid.Problem problem = untranslatedLineIn(FILE, shippedFilesWith(FILE, rules));
        assertEquals(7, lineOf(rules, "客户最近很活跃"));
        assertEquals("复购分销.dslr:7:0: [7] Unable to expand: 客户最近很活跃", problem.toString());
    }

    @Test
    void shouldRefuseATierNameTheDslDoesNotKnowWithFileAndLine() {
        String rules = MARKETER_RULES.replace("升级为 分销用户", "升级为 分销达人");
        RuleSetInvalid.Problem problem = untranslatedLineIn(FILE, shippedFilesWith(FILE, rules));
        assertAll(() -> assertEquals(lineOf(rules, "升级为 分销达人"), problem.line(), problem.toString()),
                () -> assertTrue(problem.message().contains("分销达人"), problem.message()));
    }

    @Test
    void shouldWriteTheNumbersSeenIntoTheReasonsOfTheShippedRules() {
        RuleSet shipped = new RuleSetCompiler().compile(Path.of("rules"));
        Map<String, Object> forACoupon = Map.of("incentivized", true);
        FactsBody sharer = FactsBody.facts().with("inGroup", true).event("s1", "SHARE", 1, forACoupon)
                .event("s2", "SHARE", 2, forACoupon).event("s3", "SHARE", 3, forACoupon);
        assertEquals(List.of("近90天因优惠或礼品分享 3 次(至少 2 次)"), evaluate(shipped, sharer).tierReasons());
        FactsBody spender = FactsBody.facts().with("inGroup", true)
                .event("o1", "PURCHASE", 1, Map.of("amount", 1000)).event("o2", "PURCHASE", 2, Map.of("amount", 200));
        assertEquals(List.of("近90天消费 1200 元(至少 1000 元)"), evaluate(shipped, spender).tierReasons());
    }

    @Test
    void shouldKeepEveryNumberOfTheShippedRulesInParameters() {
        Map<String, String> files = ShippedRules.files();
        // Every marketer's sentence file; comments may quote the seed articles (种子 000).
        files.keySet().stream().filter(file -> file.endsWith(".dslr")).forEach(file -> assertFalse(
                files.get(file).lines().filter(line -> !line.strip().startsWith("//"))
                        .anyMatch(line -> line.chars().anyMatch(Character::isDigit)),
                file + " must name parameters, not numbers"));
    }
}
