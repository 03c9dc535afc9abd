package com.tierupgrade.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Makes every @QuarkusTest in the module call the service with the tester's credentials by default. */
@QuarkusTestResource(UsesCredentials.Tester.class)
public final class UsesCredentials {

    private UsesCredentials() {
    }

    public static class Tester implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            Users.authenticateAsTester();
            return Map.of();
        }

        @Override
        public void stop() {
        }
    }
}
