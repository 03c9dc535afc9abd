package com.tierupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tierupgrade.decision.Decision;
import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.facts.FactEvent;
import com.tierupgrade.facts.FactsRequest;
import com.tierupgrade.facts.FactsValidator;
import com.tierupgrade.facts.InvalidFacts;
import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.rules.compiler.RuleSetInvalid;
import com.tierupgrade.rules.engine.RuleEngine;
import com.tierupgrade.rules.engine.RuleSet;
import com.tierupgrade.testing.ShippedRules;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Event types live in rules/events.yaml: a new one is a rules change, and rules may name only what it declares. */
class DeclaredEventTypesTest {

    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");

    private static final String LIVE_STREAM_RULE = """
            package rules;
            import com.tierupgrade.rules.fact.*;

            rule "直播观众:近30天看过直播"
            when
                Event( type == "LIVE_WATCH", number("minutes") >= 10, within(30) )
            then
                insert(new Reached("audienceType", "LIVE_VIEWER", "看过直播"));
            end
            """;

    private static Map<String, String> withLiveWatch() {
        Map<String, String> files = ShippedRules.files();
        files.put("events.yaml", files.get("events.yaml") + """
                LIVE_WATCH:
                  label: 看直播
                  fields:
                    minutes: {kind: count, required: true, label: 观看分钟}
                """);
        files.put("ladders.yaml", files.get("ladders.yaml") + """
                audienceType:
                  name: 观众类型
                  values:
                    - {code: LIVE_VIEWER, name: 直播观众}
                """);
        files.put("live.drl", LIVE_STREAM_RULE);
        return files;
    }

    @Test
    void shouldAcceptAndDecideOnATypeDeclaredOnlyInTheRulesFolder() {
        RuleSet ruleSet = new RuleSetCompiler().compile("draft", withLiveWatch());
        FactsRequest request = new ObjectMapper().convertValue(Map.of("events", List.of(Map.of("id", "w1",
                "type", "LIVE_WATCH", "at", "2026-11-10T00:00:00Z", "minutes", 25))), FactsRequest.class);
        List<FactEvent> events = FactsValidator.validate(request, AS_OF, ruleSet.events()).events();

        Decision decision = new RuleEngine().evaluate(ruleSet, "c", new CustomerFacts(Map.of(), events), AS_OF);

        assertEquals("LIVE_VIEWER", decision.valueOf("audienceType"));
    }

    @Test
    void shouldRefuseAnUndeclaredTypeInFactsNamingTheDeclaredOnes() {
        RuleSet shipped = new RuleSetCompiler().compile("shipped", ShippedRules.files());
        FactsRequest request = new ObjectMapper().convertValue(Map.of("events", List.of(Map.of("id", "w1",
                "type", "LIVE_WATCH", "at", "2026-11-10T00:00:00Z"))), FactsRequest.class);

        InvalidFacts invalid = assertThrows(InvalidFacts.class,
                () -> FactsValidator.validate(request, AS_OF, shipped.events()));

        assertEquals("events[0].type", invalid.problems().get(0).field());
        assertTrue(invalid.problems().get(0).message().contains("ADD_TO_CART"), invalid.problems().toString());
    }

    @Test
    void shouldRefuseARuleNamingAnUndeclaredTypeOrFieldWithItsLine() {
        Map<String, String> files = withLiveWatch();
        files.put("live.drl", LIVE_STREAM_RULE.replace("number(\"minutes\")", "number(\"seconds\")"));
        files.put("typo.drl", """
                package rules;
                import com.tierupgrade.rules.fact.*;

                rule "拼错的事件类型"
                when
                    Event( type == "PURCHASES" )
                    Event( type == "COMPLAINT", resolved )
                    Event( type == "COMPLAINT", amount > 0 )
                then
                end
                """);

        RuleSetInvalid invalid = assertThrows(RuleSetInvalid.class, () -> new RuleSetCompiler().compile("draft", files));

        List<String> problems = invalid.problems().stream().map(p -> p.file() + ":" + p.line() + " " + p.message())
                .toList();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("typo.drl:6 'PURCHASES' is not an event type")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("typo.drl:8 'amount' is not a field of COMPLAINT")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("live.drl:6 'seconds' is not a field of LIVE_WATCH")),
                problems.toString());
        assertEquals(3, problems.size(), problems.toString());
    }

    @Test
    void shouldRefuseAnEventsFileThatIsMissingOrMalformed() {
        Map<String, String> missing = ShippedRules.files();
        missing.remove("events.yaml");
        Map<String, String> badKind = ShippedRules.files();
        badKind.put("events.yaml", "CHECK_IN:\n  fields:\n    place: {kind: location}\n");

        RuleSetInvalid noFile = assertThrows(RuleSetInvalid.class, () -> new RuleSetCompiler().compile("d", missing));
        RuleSetInvalid wrongKind = assertThrows(RuleSetInvalid.class, () -> new RuleSetCompiler().compile("d", badKind));

        assertTrue(noFile.problems().stream().anyMatch(p -> p.file().equals("events.yaml")
                && p.message().startsWith("missing")), noFile.getMessage());
        assertTrue(wrongKind.problems().stream().anyMatch(p -> p.file().equals("events.yaml")
                && p.message().contains("CHECK_IN.place.kind: must be one of amount, count")), wrongKind.getMessage());
    }

    @Test
    void shouldCheckEveryDeclaredKind() {
        RuleSet shipped = new RuleSetCompiler().compile("shipped", ShippedRules.files());
        FactsRequest request = new ObjectMapper().convertValue(Map.of("events", List.of(
                Map.of("id", "r1", "type", "REFERRAL_PURCHASE", "at", "2026-11-10T00:00:00Z", "amount", 10,
                        "viaCustomerId", "not an id!"),
                Map.of("id", "i1", "type", "INTERACTION", "at", "2026-11-10T00:00:00Z", "kind", "WAVE"),
                Map.of("id", "v1", "type", "REVIEW", "at", "2026-11-10T00:00:00Z", "rating", 4.5))),
                FactsRequest.class);

        InvalidFacts invalid = assertThrows(InvalidFacts.class,
                () -> FactsValidator.validate(request, AS_OF, shipped.events()));

        Map<String, String> byField = new java.util.TreeMap<>();
        invalid.problems().forEach(p -> byField.put(p.field(), p.message()));
        assertTrue(byField.get("events[0].viaCustomerId").startsWith("must be a customer id"), byField.toString());
        assertEquals("must be one of READ, LIKE, REPLY, QUESTION", byField.get("events[1].kind"));
        assertEquals("must be a whole number from 1 to 5", byField.get("events[2].rating"));
    }

    @Test
    void shouldDocumentEveryShippedTypeAndFieldInFactsMd() throws java.io.IOException {
        RuleSet shipped = new RuleSetCompiler().compile("shipped", ShippedRules.files());
        String facts = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "facts.md"));

        shipped.events().byName().values().forEach(type -> {
            String row = facts.lines().filter(line -> line.startsWith("| `" + type.name() + "` |")).findFirst()
                    .orElseThrow(() -> new AssertionError("docs/facts.md has no row for " + type.name()));
            type.fields().keySet().forEach(field -> assertTrue(row.contains("`" + field + "`"),
                    "docs/facts.md: " + type.name() + " does not list " + field));
        });
    }

    /** Seed 004 二级分销: a referral purchase naming the first-level referrer counts as a second-level sale. */
    @Test
    void shouldLetRulesCountSecondLevelReferralSales() {
        Map<String, String> files = ShippedRules.files();
        files.put("ladders.yaml", files.get("ladders.yaml") + """
                network:
                  name: 分销网络
                  values:
                    - {code: SECOND_LEVEL, name: 有二级分销}
                """);
        files.put("network.drl", """
                package rules;
                import com.tierupgrade.rules.fact.*;

                rule "有二级分销:近90天至少一笔二级分销购买"
                when
                    accumulate( Event( type == "REFERRAL_PURCHASE", has("viaCustomerId"), within(90) ); $n : count();
                                $n >= 1 )
                then
                    insert(new Reached("network", "SECOND_LEVEL", "近90天二级分销购买 " + $n + " 笔"));
                end
                """);
        RuleSet ruleSet = new RuleSetCompiler().compile("draft", files);
        FactsRequest request = new ObjectMapper().convertValue(Map.of("events", List.of(
                Map.of("id", "r1", "type", "REFERRAL_PURCHASE", "at", "2026-11-10T00:00:00Z", "amount", 100,
                        "referredCustomerId", "c-3", "viaCustomerId", "c-2"),
                Map.of("id", "r2", "type", "REFERRAL_PURCHASE", "at", "2026-11-11T00:00:00Z", "amount", 80,
                        "referredCustomerId", "c-2"))), FactsRequest.class);
        List<FactEvent> events = FactsValidator.validate(request, AS_OF, ruleSet.events()).events();

        Decision decision = new RuleEngine().evaluate(ruleSet, "c-1", new CustomerFacts(Map.of(), events), AS_OF);

        assertEquals(List.of("近90天二级分销购买 1 笔"), decision.reasonsFor("network"));
    }
}
