package com.tierupgrade.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import com.tierupgrade.rules.engine.ActiveRuleSet;
import com.tierupgrade.rules.engine.RuleSet;

/** Readiness follows the active rule set: down until one is active. */
class ActiveRuleSetCheckTest {

    @Test
    void shouldBeDownWhileNoRuleSetIsActive() {
        HealthCheckResponse response = new ActiveRuleSetCheck(new ActiveRuleSet()).call();
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("no rule set is active", response.getData().orElseThrow().get("reason"));
    }

    @Test
    void shouldBeUpWithTheVersionOnceOneIsActive() {
        ActiveRuleSet rules = new ActiveRuleSet();
        rules.activate(new RuleSet("abc123", null, null, null, java.util.List.of(), Map.of()), "STARTUP");
        HealthCheckResponse response = new ActiveRuleSetCheck(rules).call();
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals("abc123", response.getData().orElseThrow().get("version"));
    }
}
