package com.tierupgrade.ops;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import com.tierupgrade.testing.Users;

import io.quarkus.test.junit.QuarkusTest;

/** Readiness on the main port, without credentials: the database and the active rule set. */
@QuarkusTest
class HealthTest {

    @Test
    void shouldBeReadyWithTheDatabaseAndAnActiveRuleSet() {
        Users.anonymous().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Active rule set", "Database connections health check"))
                .body("checks.find { it.name == 'Active rule set' }.data.trigger", equalTo("STARTUP"));
    }
}
