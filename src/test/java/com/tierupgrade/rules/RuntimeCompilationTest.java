package com.tierupgrade.rules;

import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static com.tierupgrade.testing.RuleCase.repeatBuyer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.ShippedRules;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The service compiles whatever is in its rules directory when it starts: a copy of rules/ where a marketer raised
 * the repeat-purchase threshold from 2 to 3 gives another decision for the same facts, with no rebuild.
 */
@QuarkusTest
@TestProfile(RuntimeCompilationTest.EditedRules.class)
class RuntimeCompilationTest {

    public static class EditedRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tierup.rules.directory",
                    ShippedRules.writeTo(ShippedRules.withParameter("reliantMinPurchases", "3")).toString());
        }
    }

    @Test
    void shouldUseTheEditedThreshold() {
        postFacts(newCustomerId(), repeatBuyer()).statusCode(200)
                .body("stage", equalTo("TRUSTING"))
                .body("firedRules", not(hasItem("依靠:信赖且当前周期内复购")));
        postFacts(newCustomerId(), repeatBuyer().purchases("extra", 1, 300, 40)).statusCode(200)
                .body("stage", equalTo("RELIANT"))
                .body("reasons", hasItem("近90天购买 3 次(至少 3 次)"));
    }
}
