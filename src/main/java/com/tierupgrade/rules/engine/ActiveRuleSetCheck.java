package com.tierupgrade.rules.engine;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import com.tierupgrade.rules.engine.ActiveRuleSet;

/** Ready only while a rule set is active: without one no evaluation can be answered. */
@Readiness
@ApplicationScoped
public class ActiveRuleSetCheck implements HealthCheck {

    static final String NAME = "Active rule set";

    private final ActiveRuleSet rules;

    public ActiveRuleSetCheck(ActiveRuleSet rules) {
        this.rules = rules;
    }

    @Override
    public HealthCheckResponse call() {
        ActiveRuleSet.Active active = rules.active();
        if (active == null) {
            return HealthCheckResponse.named(NAME).down().withData("reason", "no rule set is active").build();
        }
        return HealthCheckResponse.named(NAME).up()
                .withData("version", active.ruleSet().version())
                .withData("activatedAt", active.activatedAt().toString())
                .withData("trigger", active.trigger())
                .build();
    }
}
