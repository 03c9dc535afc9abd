package com.tierupgrade.manual;

import static com.tierupgrade.testing.Api.history;
import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.facts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.RuleCase.repeatBuyer;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.FactsBody;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The shipped tier policy (ladders.yaml, parameters.yaml: grace 30 days, then one rung per 30 days), over HTTP. The
 * facts are built so that every distributor condition stops holding (own purchases and referral sales both leave the
 * 90-day window), whichever way the distributor rule is written.
 */
@QuarkusTest
class TierPolicyTest {

    private static FactsBody distributor() {
        return repeatBuyer().event("r1", "REFERRAL_PURCHASE", 3, Map.of())
                .event("r2", "REFERRAL_PURCHASE", 4, Map.of()).event("r3", "REFERRAL_PURCHASE", 5, Map.of());
    }

    /** The same facts, evaluated {@code days} after FactsBody.AS_OF. */
    private static FactsBody later(int days) {
        return facts().daysLater(days);
    }

    @Test
    void shouldKeepDistributorThroughTheGracePeriodThenDropOneStepWithBothReasons() {
        String id = newCustomerId();
        postFacts(id, distributor()).statusCode(200).body("tier", equalTo("DISTRIBUTOR"));

        // Day 100: every event has left the window; the rules say FOLLOWER, the grace period keeps DISTRIBUTOR.
        postFacts(id, later(100)).statusCode(200)
                .body("tier", equalTo("DISTRIBUTOR"))
                .body("dimensions.tier.rulesSay", equalTo("FOLLOWER"))
                .body("dimensions.tier.keptBy", equalTo("GRACE"))
                .body("dimensions.tier.keptUntil", equalTo("2026-07-09T12:00:00Z"))
                .body("dimensions.tier.reasons[0]", containsString("按宽限期保留至 2026-07-09"))
                .body("history.findAll { it.dimension == 'tier' }", empty());
        postFacts(id, later(129)).statusCode(200).body("tier", equalTo("DISTRIBUTOR"))
                .body("history.findAll { it.dimension == 'tier' }", empty());

        // Day 131: the grace period is over: one rung down, not straight to FOLLOWER; the entry says both why.
        postFacts(id, later(131)).statusCode(200)
                .body("tier", equalTo("HEAVY_CONSUMER"))
                .body("dimensions.tier.rulesSay", equalTo("FOLLOWER"))
                .body("dimensions.tier.keptBy", equalTo("STEP"))
                .body("history.findAll { it.dimension == 'tier' }", hasSize(1))
                .body("history.find { it.dimension == 'tier' }.kind", equalTo("DOWNGRADE"))
                .body("history.find { it.dimension == 'tier' }.from", equalTo("DISTRIBUTOR"))
                .body("history.find { it.dimension == 'tier' }.to", equalTo("HEAVY_CONSUMER"))
                .body("history.find { it.dimension == 'tier' }.reasons", allOf(
                        hasItem("不再满足「分销用户」的条件"),
                        hasItem(containsString("宽限期 30 天已于 2026-07-09 结束")),
                        hasItem(containsString("一次只降一级:由「分销用户」降到「重度消费用户」"))));

        // One rung per step period: nothing more before day 161, one more rung after it.
        postFacts(id, later(150)).statusCode(200).body("tier", equalTo("HEAVY_CONSUMER"))
                .body("history.findAll { it.dimension == 'tier' }", empty());
        postFacts(id, later(162)).statusCode(200).body("tier", equalTo("DIE_HARD_FAN"))
                .body("history.find { it.dimension == 'tier' }.kind", equalTo("DOWNGRADE"));

        history(id).statusCode(200)
                .body("findAll { it.dimension == 'tier' }.kind", equalTo(java.util.List.of("INITIAL", "DOWNGRADE",
                        "DOWNGRADE")));
    }

    @Test
    void shouldForgetTheGracePeriodWhenTheConditionHoldsAgain() {
        String id = newCustomerId();
        postFacts(id, distributor()).statusCode(200).body("tier", equalTo("DISTRIBUTOR"));
        postFacts(id, later(100)).statusCode(200).body("dimensions.tier.keptBy", equalTo("GRACE"));
        // Distribution resumes within the grace period: the value holds by the rules again, no grace left running.
        FactsBody again = later(110);
        for (int i = 0; i < 3; i++) {
            again.event("again-r" + i, "REFERRAL_PURCHASE", -105 - i, Map.of());
            again.event("again-p" + i, "PURCHASE", -105 - i, Map.of("amount", 300, "couponUsed", false));
        }
        postFacts(id, again).statusCode(200).body("tier", equalTo("DISTRIBUTOR"))
                .body("dimensions.tier.keptBy", nullValue())
                .body("dimensions.tier.rulesSay", equalTo("DISTRIBUTOR"));
    }
}
