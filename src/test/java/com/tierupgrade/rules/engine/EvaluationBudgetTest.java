package com.tierupgrade.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tierupgrade.facts.CustomerFacts;
import com.tierupgrade.facts.FactEvent;
import com.tierupgrade.rules.compiler.RuleSetCompiler;
import com.tierupgrade.testing.ShippedRules;

/** Rules that pass the sandbox but fire without end are stopped by the budget, with the rule named. */
class EvaluationBudgetTest {

    /** Each Measure makes another: an endless chain of firings that also fills the heap if nothing stops it. */
    static final String SELF_FEEDING = """
            package rules;
            import com.tierupgrade.rules.fact.*;

            rule "自我触发:每个度量再插入一个度量"
            when
                Measure()
            then
                insert(new Measure("loop", "循环", 1, "次"));
            end
            """;

    private static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    private static RuleSet shipped;
    private static RuleSet looping;

    @BeforeAll
    static void compile() {
        Map<String, String> files = ShippedRules.files();
        shipped = new RuleSetCompiler().compile("shipped", files);
        files.put("loop.drl", SELF_FEEDING);
        looping = new RuleSetCompiler().compile("looping", files);
    }

    @Test
    void shouldStopRulesThatFireWithoutEndAndNameTheRule() {
        // a generous time budget, so that the firing limit is what stops it even on a slow, busy machine
        RuleEngine engine = new RuleEngine(new TestLimits(Duration.ofMinutes(1),
                EvaluationBudget.DEFAULT.maxFirings()));
        EvaluationBudgetExceeded exceeded = assertThrows(EvaluationBudgetExceeded.class,
                () -> engine.evaluate(looping, "c", buyer(3), AS_OF));
        assertEquals("自我触发:每个度量再插入一个度量", exceeded.rule());
        assertTrue(exceeded.getMessage().contains("tierup.evaluation.max-firings"), exceeded.getMessage());
    }

    @Test
    void shouldStopRulesThatRunPastTheTimeBudget() {
        RuleEngine engine = new RuleEngine(new TestLimits(Duration.ofMillis(20), 1_000_000));
        long start = System.nanoTime();
        EvaluationBudgetExceeded exceeded = assertThrows(EvaluationBudgetExceeded.class,
                () -> engine.evaluate(looping, "c", buyer(3), AS_OF));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(exceeded.getMessage().contains("tierup.evaluation.timeout"), exceeded.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
    }

    @Test
    void shouldLeaveTheShippedRulesFarBelowTheFiringLimit() {
        // A customer with a thousand events (the most one post may carry) fires the shipped rules a few dozen
        // times per evaluation; a tenth of the default limit leaves room for rules marketers add.
        RuleEngine engine = new RuleEngine(new TestLimits(Duration.ofSeconds(30),
                EvaluationBudget.DEFAULT.maxFirings() / 10));
        assertEquals(shipped.version(), engine.evaluate(shipped, "c", buyer(1000), AS_OF).rulesetVersion());
    }

    private static CustomerFacts buyer(int purchases) {
        List<FactEvent> events = new ArrayList<>();
        for (int i = 0; i < purchases; i++) {
            events.add(new FactEvent("o" + i, "PURCHASE", AS_OF.minus(Duration.ofHours(i + 1)),
                    Map.of("amount", 100 + i, "couponUsed", i % 2 == 0)));
        }
        return new CustomerFacts(Map.of("inGroup", true, "addedWeCom", true), events);
    }

    private record TestLimits(Duration timeout, int maxFirings) implements EvaluationLimits {
    }
}
