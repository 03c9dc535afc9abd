package com.tierupgrade.customer;

import static com.tierupgrade.testing.Api.postFacts;
import static com.tierupgrade.testing.FactsBody.newCustomerId;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.tierupgrade.testing.RuleCase;

import io.quarkus.test.junit.QuarkusTest;

/** Every row of the rule table, posted to the running service: one per stage, tier and filter. */
@QuarkusTest
class RuleTableOverHttpTest {

    static List<RuleCase> cases() {
        return RuleCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldAnswerTheDecisionOfTheTable(RuleCase rule) {
        postFacts(newCustomerId(), rule.body().get())
                .statusCode(200)
                .body("stage", equalTo(rule.stage()))
                .body("tier", equalTo(rule.tier()))
                .body("heldBack.tier", equalTo(rule.heldBack()));
    }
}
